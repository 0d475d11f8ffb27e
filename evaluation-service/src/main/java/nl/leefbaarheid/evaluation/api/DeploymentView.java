package nl.leefbaarheid.evaluation.api;

import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.entity.Deployment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Deployment", description = "An intervention deployed in an area by a corporation.")
public record DeploymentView(
        UUID id,
        @Schema(example = "gemeenschappelijke-moestuin") String interventionId,
        @Schema(example = "2") int interventionRevision,
        @Schema(example = "BU09990101") String areaCode,
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "Wijkbeheerder Centrum") String owner,
        @Schema(example = "2026-03-01") LocalDate startDate,
        @Schema(example = "2027-03-01") LocalDate plannedEndDate,
        DeploymentStatus status,
        String stopReason) {

    public static DeploymentView of(Deployment d) {
        return new DeploymentView(d.id, d.interventionId, d.interventionRevision, d.areaCode, d.corporationId, d.owner,
                d.startDate, d.plannedEndDate, d.status, d.stopReason);
    }
}
