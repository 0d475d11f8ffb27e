package nl.leefbaarheid.evaluation.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeploymentOrigin", description = "The workshop action in partner-service a deployment came from.")
public record DeploymentOrigin(
        @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID collaborationId,
        @Schema(example = "5c9e2f1a-3b4d-4e6f-8a7b-9c0d1e2f3a4b") UUID workshopId,
        @Schema(example = "31") Long actionId) {
}
