package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a correction changes (the fields given) and why. */
@Schema(name = "MeasurementCorrection", description = "The corrected value, respondents or date of measurement (those given; the others"
        + " stay), and the reason. Area, indicator and period are what the measurement is about: to change those, withdraw it and"
        + " record it anew.")
public record MeasurementCorrection(
        @Schema(description = "The right value, on the indicator's scale.", example = "7.4") Double value,
        @Schema(example = "54") @Min(0) Integer respondents,
        @Schema(example = "2026-09-30") LocalDate measuredOn,
        @Schema(required = true, description = "Why: kept in the measurement's history.", example = "The survey export used the wrong column.")
        @NotBlank @Size(max = 2000) String reason) {
}
