package nl.leefbaarheid.evaluation.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.platform.testing.EventContract;

/**
 * The deployments workshop actions ask for on partner.workshop-actions.v1, checked against the producer's contract
 * (deploy/contracts/asyncapi/partner-service.yaml), as {@link EventContract} checks them.
 */
class PartnerEventsContractTest extends EventContract {

    @Override
    protected Path contract() {
        return Path.of("../deploy/contracts/asyncapi/partner-service.yaml");
    }

    @Override
    protected String topic() {
        return "partner.workshop-actions.v1";
    }

    /** The fields DeploymentService cannot plan a deployment without. */
    @Override
    protected List<Read> reads() {
        return List.of(new Read(DeploymentRequested.class, DeploymentRequested.TYPE,
                Set.of("deploymentId", "corporationId", "interventionId", "areaCode", "owner", "startDate", "plannedEndDate")));
    }
}
