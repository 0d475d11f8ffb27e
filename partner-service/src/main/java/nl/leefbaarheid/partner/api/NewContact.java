package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewContact", description = "A contact person of a partner organisation: only what is needed to reach them; never sent in signals.")
public record NewContact(
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Fatima el Amrani") String name,
        @Size(max = 200) @Schema(example = "Wijkregisseur Noordwijk") String role,
        @Email @Size(max = 254) @Schema(example = "f.elamrani@gemeente-demostad.nl") String email) {
}
