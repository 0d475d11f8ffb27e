package nl.leefbaarheid.partner.api;

import nl.leefbaarheid.partner.domain.OrganisationType;
import nl.leefbaarheid.partner.entity.Organisation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation", description = "A partner organisation.")
public record OrganisationView(
        @Schema(example = "gemeente-demo") String id,
        @Schema(example = "Gemeente Demostad") String name,
        OrganisationType type,
        @Schema(example = "GM0999") String municipalityCode,
        @Schema(description = "The version, also given as ETag: send it back in If-Match to change the organisation.", example = "1") long version) {

    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.name, o.type, o.municipalityCode, o.version);
    }
}
