package nl.leefbaarheid.neighbourhood.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.platform.testing.EventContract;

/**
 * This service's classes of the measurement events it reads from evaluation.measurements.v1, checked against the producer's
 * contract (deploy/contracts/asyncapi/evaluation-service.yaml), as {@link EventContract} checks them.
 */
class EvaluationEventsContractTest extends EventContract {

    @Override
    protected Path contract() {
        return Path.of("../deploy/contracts/asyncapi/evaluation-service.yaml");
    }

    @Override
    protected String topic() {
        return MeasurementEvent.TOPIC;
    }

    /** Each class, its event type, and the fields this service cannot do without (MeasurementService refuses an event without them). */
    @Override
    protected List<Read> reads() {
        return List.of(
                new Read(MeasurementRecorded.class, MeasurementRecorded.TYPE, Set.of("measurementId", "areaCode", "indicator", "value",
                        "period", "corporationId")),
                new Read(MeasurementCorrected.class, MeasurementCorrected.TYPE, Set.of("measurementId", "areaCode", "indicator", "value",
                        "period", "corporationId", "revision")),
                new Read(MeasurementWithdrawn.class, MeasurementWithdrawn.TYPE, Set.of("measurementId", "areaCode", "revision")));
    }
}
