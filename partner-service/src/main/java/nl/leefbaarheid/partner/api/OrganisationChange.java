package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.leefbaarheid.partner.domain.OrganisationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganisationChange", description = "A correction of an organisation: only the fields given change.")
public record OrganisationChange(
        @Size(min = 1, max = 200) @Schema(example = "Gemeente Demostad") String name,
        OrganisationType type,
        @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code: GM + 4 digits") @Schema(example = "GM0999") String municipalityCode,
        @Size(max = 500) @Schema(description = "Why; kept in its history.", example = "Naam gewijzigd na de fusie.") String reason) {
}
