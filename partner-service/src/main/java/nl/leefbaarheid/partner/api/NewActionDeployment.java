package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewActionDeployment", description = "Turn an action that names a catalogue intervention into a deployment of the corporation in"
        + " evaluation-service, in the neighbourhood (and complex) of its pin, measured by the intervention's method.")
public record NewActionDeployment(
        @NotNull @Schema(required = true, example = "2026-05-01") LocalDate startDate,
        @NotNull @Schema(required = true, example = "2027-05-01") LocalDate plannedEndDate,
        @Min(1) @Schema(description = "The published revision to deploy; the latest published one when left out.", example = "1") Integer interventionRevision,
        @Size(max = 200) @Schema(description = "Who runs it; the owner organisation's name when left out.", example = "Jongerenwerk Welzijn Demostad") String owner,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(description = "Budget in euros.", example = "18000.00") BigDecimal budget,
        @Size(max = 10) @Schema(description = "Neighbourhoods without the intervention, measured alike, to compare with.", example = "[\"BU09990201\"]")
        List<@NotNull @Pattern(regexp = Codes.NEIGHBOURHOOD, message = "must be a neighbourhood code") String> comparisonAreas) {
}
