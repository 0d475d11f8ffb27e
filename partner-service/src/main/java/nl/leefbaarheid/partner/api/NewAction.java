package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAction", description = "An action chosen for a pinned problem: an intervention of the catalogue or a free action, who does it,"
        + " by when.")
public record NewAction(
        @NotNull @Positive @Schema(required = true, description = "The pin it answers.", example = "12") Long pinId,
        @Size(max = 64) @Schema(description = "The catalogue intervention it uses, if any: such an action can become a deployment.",
                example = "jongerenwerk-op-hangplekken") String interventionId,
        @NotBlank @Size(max = 2000) @Schema(required = true, example = "Jongerenwerk op vaste avonden bij het pleintje") String description,
        @NotBlank @Size(max = 64) @Schema(required = true, description = "The organisation that does it: a member of the collaboration or its"
                + " corporation.", example = "welzijn-demostad") String ownerId,
        @NotNull @Schema(required = true, example = "2026-09-01") LocalDate dueOn,
        @NotNull @Schema(required = true, description = "Whether the corporation can do it alone.", example = "false") Boolean corporationAlone) {
}
