package nl.leefbaarheid.partner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.partner.domain.ActionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkshopAction", description = "An action chosen in a workshop: an intervention of the catalogue or a free action, who does it, by"
        + " when, how far it is, and the deployment it became.")
public record ActionView(
        @Schema(example = "31") long id,
        @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID collaborationId,
        @Schema(example = "5c9e2f1a-3b4d-4e6f-8a7b-9c0d1e2f3a4b") UUID workshopId,
        @Schema(description = "The pin it answers (absent for some actions of workshops recorded afterwards).", example = "12") Long pinId,
        @Schema(description = "The neighbourhood of its pin.", example = "BU09990202") String areaCode,
        @Schema(description = "The complex of its pin, if any.", example = "SC-04") String complexId,
        @Schema(example = "jongerenwerk-op-hangplekken") String interventionId,
        @Schema(example = "Jongerenwerk op vaste avonden bij het pleintje") String description,
        @Schema(example = "welzijn-demostad") String ownerId,
        @Schema(example = "2026-09-01") LocalDate dueOn,
        @Schema(description = "Whether the corporation can do it alone.", example = "false") boolean corporationAlone,
        @Schema(example = "in-progress") ActionStatus status,
        @Schema(example = "Eerste avond gedraaid.") String statusNote,
        @Schema(description = "Still open or in progress after its due date.", example = "false") boolean overdue,
        @Schema(description = "The version, also given as ETag: send it back in If-Match to change the action.", example = "2") long version,
        @Schema(example = "2026-06-02T08:15:00Z") Instant updatedAt,
        @Schema(description = "The deployment it became in evaluation-service, if any.") DeploymentLink deployment) {

    @Schema(name = "ActionDeployment", description = "The deployment an action became: requested here, then planned (or refused) by"
            + " evaluation-service, and its effect verdict once completed.")
    public record DeploymentLink(
            @Schema(example = "9d2b7c4e-1f3a-4c5d-8e6f-7a8b9c0d1e2f") UUID id,
            @Schema(description = "requested, planned, refused or completed.", enumeration = { "requested", "planned", "refused", "completed" },
                    example = "planned") String state,
            @Schema(description = "Why evaluation-service refused it.", example = "Intervention x is retired; it cannot be deployed anew.") String note,
            @Schema(description = "The effect verdict once completed: improved, no-clear-change, worsened or not-enough-data.", example = "improved") String verdict,
            @Schema(example = "/api/v1/deployments/9d2b7c4e-1f3a-4c5d-8e6f-7a8b9c0d1e2f") String link) {
    }
}
