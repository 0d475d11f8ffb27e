package nl.leefbaarheid.evaluation.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.platform.testing.EventContract;

/**
 * This service's classes of the events it reads from neighbourhood.areas.v1, checked against the producer's contract
 * (deploy/contracts/asyncapi/neighbourhood-service.yaml), as {@link EventContract} checks them.
 */
class NeighbourhoodEventsContractTest extends EventContract {

    @Override
    protected Path contract() {
        return Path.of("../deploy/contracts/asyncapi/neighbourhood-service.yaml");
    }

    @Override
    protected String topic() {
        return AreaRegistered.TOPIC;
    }

    /** Each class, its event type, and the fields this service cannot do without (ReferenceData refuses an event without them). */
    @Override
    protected List<Read> reads() {
        return List.of(new Read(AreaRegistered.class, AreaRegistered.TYPE, Set.of("code", "year", "level", "name")),
                new Read(ComplexRegistered.class, ComplexRegistered.TYPE, Set.of("corporationId", "complexId", "neighbourhoodCode", "name")),
                new Read(ComplexRegistered.class, ComplexRegistered.CHANGED_TYPE, Set.of("corporationId", "complexId", "neighbourhoodCode", "name")),
                new Read(IndicatorDefined.class, IndicatorDefined.TYPE, Set.of("code")));
    }
}
