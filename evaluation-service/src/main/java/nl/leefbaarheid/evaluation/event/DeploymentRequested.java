package nl.leefbaarheid.evaluation.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code nl.leefbaarheid.workshop-action.deployment-requested.v1} on {@code partner.workshop-actions.v1}
 * (key: the deployment id partner-service chose): a workshop action to plan as a deployment of the collaboration's
 * corporation. The revision is the latest published one when absent.
 */
public record DeploymentRequested(UUID deploymentId, UUID collaborationId, UUID workshopId, Long actionId, String corporationId,
        String interventionId, Integer interventionRevision, String areaCode, String complexId, String owner, List<String> partners,
        LocalDate startDate, LocalDate plannedEndDate, BigDecimal budget, List<String> comparisonAreas, String requestedBy,
        Instant requestedAt) {

    public static final String TYPE = "nl.leefbaarheid.workshop-action.deployment-requested.v1";
}
