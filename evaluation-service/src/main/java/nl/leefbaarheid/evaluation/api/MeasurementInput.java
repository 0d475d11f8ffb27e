package nl.leefbaarheid.evaluation.api;

import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.Slot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One measurement; checked as a whole (see the answer's field errors) rather than field by field. */
@Schema(name = "MeasurementInput", description = "The value of an indicator for an area and period.")
public record MeasurementInput(
        @Schema(required = true, example = "BU09990201") String areaCode,
        @Schema(description = "The corporation's complex id, for complex-level figures.", example = "ZH-01") String complexId,
        @Schema(required = true, example = "tenant.feeling-at-home") String indicator,
        @Schema(required = true, example = "7.4") Double value,
        @Schema(required = true, description = "A year, quarter or month.", example = "2026-Q3") String period,
        @Schema(example = "2026-09-30") LocalDate measuredOn,
        @Schema(example = "54") Integer respondents,
        @Schema(description = "survey, inspection, counts or leefbaarometer", example = "survey") String instrument,
        @Schema(description = "The system the value comes from.", example = "enquete-tool") String sourceSystem,
        @Schema(description = "The delivery it comes in, as the source system names it (an export, a run); a batch is withdrawn by it in one call.",
                example = "export-2026-10-02") String sourceBatch,
        @Schema(description = "The deployment it measures, if any.") UUID deploymentId,
        @Schema(description = "Its place in the deployment's plan; requires deploymentId.", example = "interim") Slot slot,
        @Schema(description = "Only for admins: the corporation the measurement belongs to.", example = "corp-demo") String corporationId) {
}
