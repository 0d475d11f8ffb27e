package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactChange", description = "A correction of a contact person: only the fields given change.")
public record ContactChange(
        @Size(min = 1, max = 200) @Schema(example = "Fatima el Amrani") String name,
        @Size(max = 200) @Schema(example = "Teamleider wijkregie") String role,
        @Email @Size(max = 254) @Schema(example = "f.elamrani@gemeente-demostad.nl") String email) {
}
