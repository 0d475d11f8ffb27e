package nl.leefbaarheid.partner.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "The delivery of one signal to a webhook: its attempts, last answer and last error.")
public record DeliveryView(
        @Schema(example = "905") long id,
        @Schema(example = "1843") long signalId,
        @Schema(description = "pending, delivered or failed.", example = "delivered") String status,
        @Schema(example = "1") int attempts,
        @Schema(example = "2026-10-02T09:14:04Z") Instant nextAttemptAt,
        @Schema(description = "The HTTP status of the last attempt.", example = "204") Integer lastStatus,
        @Schema(example = "connect timed out") String lastError,
        @Schema(example = "2026-10-02T09:14:05Z") Instant deliveredAt) {
}
