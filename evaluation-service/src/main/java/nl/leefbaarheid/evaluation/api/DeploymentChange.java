package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a change of a deployment's plan sets (the fields given; the others stay) and why. */
@Schema(name = "DeploymentChange", description = "The plan, budget, partners or comparison areas of a deployment that change (those given;"
        + " the others stay), and optionally why. The start date changes only while the deployment is planned; a list given replaces"
        + " the list.")
public record DeploymentChange(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "Who runs it.", example = "Wijkconsulent Zuid") String owner,
        @Schema(description = "Only while planned: the measurement plan's due dates move with it.", example = "2026-04-01") LocalDate startDate,
        @Schema(example = "2027-06-01") LocalDate plannedEndDate,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "Budget in euros.", example = "15000.00") BigDecimal budget,
        @Size(max = 20) @Schema(description = "Organisation ids of the partners involved; they may read the deployment and its result.",
                example = "[\"welzijn-demostad\", \"wijkteam-zuid\"]") List<@NotBlank @Size(max = 64) String> partners,
        @Size(max = 10) @Schema(description = "Neighbourhoods without the intervention, measured alike, to compare with; the effect follows them.",
                example = "[\"BU09990203\"]")
        List<@NotNull @Pattern(regexp = NewDeployment.NEIGHBOURHOOD, message = "must be a neighbourhood code") String> comparisonAreas,
        @Size(max = 2000) @Schema(description = "Why: kept in the deployment's history.", example = "The start moved to April: the garden"
                + " plot was not ready.") String reason) {
}
