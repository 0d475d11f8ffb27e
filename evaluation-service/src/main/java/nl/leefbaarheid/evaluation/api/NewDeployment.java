package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewDeployment", description = "Deploy a published intervention revision in a neighbourhood or housing complex.")
public record NewDeployment(
        @NotBlank @Size(max = 64) @Schema(example = "gemeenschappelijke-moestuin", required = true) String interventionId,
        @NotNull @Min(1) @Schema(example = "2", required = true) Integer interventionRevision,
        @NotNull @Pattern(regexp = AREA_PATTERN, message = "must be a neighbourhood code (BU + 8) or a complex id (complex: + id)")
        @Schema(example = "BU09990101", required = true) String areaCode,
        @Size(max = 64) @Schema(description = "Only for admins; a corporation always deploys for itself.", example = "corp-demo") String corporationId,
        @NotBlank @Size(max = 200) @Schema(example = "Wijkbeheerder Centrum", required = true) String owner,
        @NotNull @Schema(example = "2026-03-01", required = true) LocalDate startDate,
        @NotNull @Schema(example = "2027-03-01", required = true) LocalDate plannedEndDate) {

    public static final String AREA_PATTERN = "BU\\d{4}[0-9A-Z]{4}|complex:[A-Za-z0-9._-]{1,32}";
}
