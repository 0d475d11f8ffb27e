package nl.leefbaarheid.partner.api;

import nl.leefbaarheid.platform.audit.Personal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContactPerson", description = "A contact person of a partner organisation: only what is needed to reach them; never sent in"
        + " signals; erased on request.")
public record ContactView(
        @Schema(example = "17") long id,
        @Personal @Schema(example = "Fatima el Amrani") String name,
        @Schema(example = "Wijkregisseur Noordwijk") String role,
        @Personal @Schema(example = "f.elamrani@gemeente-demostad.nl") String email,
        @Schema(description = "The version, also given as ETag: send it back in If-Match to change the contact.", example = "1") long version) {
}
