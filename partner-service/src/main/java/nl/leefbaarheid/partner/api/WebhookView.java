package nl.leefbaarheid.partner.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A webhook with its delivery record; its secret is never shown again.")
public record WebhookView(
        @Schema(example = "6b1f0c3d-2e4a-4f5b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(example = "gemeente-demostad") String organisationId,
        @Schema(example = "https://meldingen.gemeente-demostad.nl/leefbaarheid") String url,
        @Schema(description = "The signal types it receives.", example = "[\"status-changed\", \"evaluation-completed\"]") List<String> types,
        @Schema(description = "Paused after repeated failure, until resumed.", example = "false") boolean paused,
        @Schema(example = "5 attempts failed: 503 Service Unavailable") String pausedReason,
        @Schema(description = "Its ETag: changes with every change of the webhook.", example = "2") long version,
        @Schema(description = "Until then deliveries are signed with the previous secret too; null outside a grace period.", example = "2026-10-03T09:14:03Z") Instant previousSecretValidUntil,
        @Schema(example = "41") long delivered,
        @Schema(example = "1") long pending,
        @Schema(example = "0") long failed,
        @Schema(example = "connect timed out") String lastError) {
}
