package nl.leefbaarheid.partner.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code nl.leefbaarheid.workshop-action.deployment-requested.v1} on {@code partner.workshop-actions.v1} (key:
 * the deployment id, chosen here): a workshop action that names a catalogue intervention, to be planned as a deployment
 * of the collaboration's corporation in evaluation-service. evaluation-service answers on {@code evaluation.results.v1}
 * with the deployment planned or refused, under the same id.
 */
public record DeploymentRequested(UUID deploymentId, UUID collaborationId, UUID workshopId, long actionId, String corporationId,
        String interventionId, Integer interventionRevision, String areaCode, String complexId, String owner, List<String> partners,
        LocalDate startDate, LocalDate plannedEndDate, BigDecimal budget, List<String> comparisonAreas, String requestedBy,
        Instant requestedAt) {

    public static final String TOPIC = "partner.workshop-actions.v1";
    public static final String TYPE = "nl.leefbaarheid.workshop-action.deployment-requested.v1";
}
