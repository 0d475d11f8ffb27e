package nl.leefbaarheid.evaluation.event;

import java.time.LocalDate;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.DeploymentOrigin;

/**
 * The data of {@code nl.leefbaarheid.evaluation.deployment-planned.v1} on {@code evaluation.results.v1} (key: deployment
 * id): a deployment was planned, through the API or from a workshop action (then with its origin).
 */
public record DeploymentPlanned(UUID deploymentId, String interventionId, int interventionRevision, String interventionTitle,
        String areaCode, String complexId, String corporationId, LocalDate startDate, LocalDate plannedEndDate, DeploymentOrigin origin) {

    public static final String TYPE = "nl.leefbaarheid.evaluation.deployment-planned.v1";
}
