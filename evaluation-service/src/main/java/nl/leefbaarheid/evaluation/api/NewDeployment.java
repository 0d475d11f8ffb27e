package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewDeployment", description = "Deploy a published intervention revision in a neighbourhood, or in one complex there.")
public record NewDeployment(
        @NotBlank @Size(max = 64) @Schema(example = "gemeenschappelijke-moestuin", required = true) String interventionId,
        @NotNull @Min(1) @Schema(example = "2", required = true) Integer interventionRevision,
        @NotNull @Pattern(regexp = NEIGHBOURHOOD, message = "must be a neighbourhood code such as BU09990101")
        @Schema(example = "BU09990201", required = true) String areaCode,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be the corporation's complex id")
        @Schema(description = "The complex, when the intervention is deployed in one complex of the neighbourhood.", example = "ZH-01") String complexId,
        @Size(max = 64) @Schema(description = "Only for admins; a corporation always deploys for itself.", example = "corp-demo") String corporationId,
        @NotBlank @Size(max = 200) @Schema(example = "Wijkconsulent Noordwijk", required = true) String owner,
        @NotNull @Schema(example = "2026-03-01", required = true) LocalDate startDate,
        @NotNull @Schema(example = "2027-03-01", required = true) LocalDate plannedEndDate,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "Budget in euros.", example = "12500.00") BigDecimal budget,
        @Size(max = 20) @Schema(description = "Organisation ids of the partners involved; they may read the deployment and its result.",
                example = "[\"welzijn-demostad\"]") List<@NotBlank @Size(max = 64) String> partners,
        @Size(max = 10) @Schema(description = "Neighbourhoods without the intervention, measured alike, to compare with.",
                example = "[\"BU09990202\"]") List<@NotNull @Pattern(regexp = NEIGHBOURHOOD, message = "must be a neighbourhood code") String> comparisonAreas) {

    public static final String NEIGHBOURHOOD = "BU\\d{4}[0-9A-Z]{4}";
}
