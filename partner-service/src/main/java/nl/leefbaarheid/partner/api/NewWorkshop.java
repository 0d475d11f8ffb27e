package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewWorkshop", description = "A workshop (werkatelier) planned for a collaboration: when, who takes part and which areas are on the"
        + " table. It is opened for the session, where each participant pins problems and votes, and closed afterwards.")
public record NewWorkshop(
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Werkatelier Noordwijk, voorjaar 2026") String title,
        @NotNull @Schema(required = true, description = "The day it is held.", example = "2026-04-14") LocalDate heldOn,
        @NotEmpty @Size(max = 100) @Schema(required = true, description = "Organisation ids of the participants: members of the collaboration"
                + " or its corporation.", example = "[\"gemeente-demostad\", \"politie-demostad\", \"corp-demo\"]")
        List<@NotBlank @Size(max = 64) String> participants,
        @NotEmpty @Size(max = 50) @Schema(required = true, description = "The areas on the table, in the collaboration's municipality.",
                example = "[\"BU09990201\", \"BU09990202\"]")
        List<@NotNull @Pattern(regexp = Codes.AREA, message = "must be a CBS area code") String> areas) {
}
