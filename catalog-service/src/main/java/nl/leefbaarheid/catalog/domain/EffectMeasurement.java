package nl.leefbaarheid.catalog.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the effect of an intervention is measured: which indicators, with which instrument, when (in months
 * from the start of a deployment: a baseline at or before the start, an optional interim and a final
 * measurement), which way the indicator should move and the smallest change that counts as an effect.
 */
@Schema(name = "EffectMeasurement", description = "The method to measure the effect of an intervention.")
public record EffectMeasurement(
        @NotEmpty @Size(max = 10)
        @Schema(required = true, description = "Indicator codes of the neighbourhood-service kapstok.", example = "[\"tenant.feeling-at-home\", \"lbm.soc\"]")
        List<@NotNull @Pattern(regexp = Patterns.INDICATOR, message = Patterns.INDICATOR_MESSAGE) String> indicators,
        @NotNull @Schema(required = true, example = "survey") Instrument instrument,
        @NotNull @Min(-24) @Max(0)
        @Schema(required = true, description = "Month of the baseline relative to the start; 0 or earlier.", example = "0")
        Integer baselineMonths,
        @Min(1) @Max(120)
        @Schema(description = "Month of the interim measurement after the start, if any.", example = "6")
        Integer interimMonths,
        @NotNull @Min(1) @Max(120)
        @Schema(required = true, description = "Month of the final measurement after the start.", example = "12")
        Integer finalMonths,
        @NotNull @Schema(required = true, example = "increase") Direction expectedDirection,
        @NotNull @DecimalMin(value = "0", inclusive = false)
        @jakarta.validation.constraints.Digits(integer = 6, fraction = 3)
        @Schema(required = true, description = "Smallest change, in the indicator's unit, that counts as an effect.", example = "0.5")
        BigDecimal minimalRelevantChange) {

    public EffectMeasurement {
        indicators = indicators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(indicators));
        // 0.5 and 0.50 are the same change: compare and store them alike.
        if (minimalRelevantChange != null) {
            minimalRelevantChange = minimalRelevantChange.stripTrailingZeros();
            if (minimalRelevantChange.scale() < 0) {
                minimalRelevantChange = minimalRelevantChange.setScale(0);
            }
        }
    }
}
