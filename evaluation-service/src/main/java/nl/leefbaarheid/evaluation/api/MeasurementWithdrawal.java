package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which batch to withdraw and why. */
@Schema(name = "MeasurementWithdrawal", description = "A batch to withdraw: give either the Idempotency-Key it was recorded with or the"
        + " sourceBatch its measurements name, and the reason.")
public record MeasurementWithdrawal(
        @Schema(description = "The Idempotency-Key of the request that recorded the batch.", example = "enquete-2026-q3")
        @Size(min = 1, max = 200) String idempotencyKey,
        @Schema(description = "The sourceBatch the measurements were recorded with.", example = "export-2026-10-02")
        @Size(min = 1, max = 120) String sourceBatch,
        @Schema(description = "Only for admins: only the measurements of this corporation.", example = "corp-demo")
        @Size(min = 1, max = 64) String corporationId,
        @Schema(required = true, description = "Why: kept in each measurement's history.", example = "The export held the wrong quarter.")
        @NotBlank @Size(max = 2000) String reason) {
}
