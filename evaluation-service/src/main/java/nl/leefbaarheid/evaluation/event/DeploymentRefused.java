package nl.leefbaarheid.evaluation.event;

import java.util.UUID;
import nl.leefbaarheid.evaluation.api.DeploymentOrigin;

/**
 * The data of {@code nl.leefbaarheid.evaluation.deployment-refused.v1} on {@code evaluation.results.v1} (key: deployment
 * id): a deployment requested by a workshop action could not be planned, and why.
 */
public record DeploymentRefused(UUID deploymentId, String interventionId, String areaCode, String corporationId,
        DeploymentOrigin origin, String reason) {

    public static final String TYPE = "nl.leefbaarheid.evaluation.deployment-refused.v1";
}
