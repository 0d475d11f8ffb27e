package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.leefbaarheid.partner.domain.OrganisationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewOrganisation", description = "A partner organisation to register.")
public record NewOrganisation(
        @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens") @Size(max = 64)
        @Schema(example = "gemeente-demo", required = true) String id,
        @NotBlank @Size(max = 200) @Schema(example = "Gemeente Demostad", required = true) String name,
        @NotNull @Schema(required = true) OrganisationType type,
        @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code: GM + 4 digits")
        @Schema(example = "GM0999", required = true) String municipalityCode) {
}
