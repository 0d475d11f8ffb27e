package nl.leefbaarheid.evaluation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.MeasurementState;
import nl.leefbaarheid.evaluation.domain.Slot;
import nl.leefbaarheid.evaluation.entity.Measurement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Measurement", description = "A stored measurement, as recorded or corrected since, or withdrawn (it no longer counts).")
public record MeasurementView(
        UUID id,
        @Schema(example = "BU09990201") String areaCode,
        @Schema(example = "ZH-01") String complexId,
        @Schema(example = "tenant.feeling-at-home") String indicator,
        @Schema(example = "7.4") double value,
        @Schema(example = "2026-Q3") String period,
        @Schema(example = "2026-09-30") LocalDate measuredOn,
        @Schema(example = "54") Integer respondents,
        @Schema(example = "survey") String instrument,
        @Schema(example = "enquete-tool") String sourceSystem,
        @Schema(example = "export-2026-10-02") String sourceBatch,
        @Schema(description = "The Idempotency-Key it was recorded with, if any.", example = "enquete-2026-q3") String idempotencyKey,
        UUID deploymentId,
        @Schema(example = "interim") Slot slot,
        @Schema(example = "corp-demo") String corporationId,
        Instant recordedAt,
        @Schema(description = "recorded, corrected or withdrawn.", example = "corrected") MeasurementState state,
        @Schema(description = "Raised by every correction and the withdrawal; the ETag.", example = "1") long version,
        Instant correctedAt,
        Instant withdrawnAt) {

    public static MeasurementView of(Measurement m) {
        return new MeasurementView(m.id, m.areaCode, m.complexId, m.indicator, m.value.doubleValue(), m.period, m.measuredOn,
                m.respondents, m.instrument, m.sourceSystem, m.sourceBatch, m.idempotencyKey, m.deploymentId, m.slot,
                m.corporationId, m.recordedAt, m.state(), m.version, m.correctedAt, m.withdrawnAt);
    }
}
