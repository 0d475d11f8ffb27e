package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.neighbourhood.platform.events.ProcessedEvents;
import nl.leefbaarheid.neighbourhood.platform.problem.Problem.FieldError;

/** Turns a recorded measurement into an observation and a recalculated status, exactly once per event. */
@ApplicationScoped
public class MeasurementService {

    private static final Logger LOG = Logger.getLogger(MeasurementService.class);

    static final String CONSUMER = "neighbourhood-service.measurements";

    @Inject
    ProcessedEvents processed;

    @Inject
    ImportService imports;

    @Inject
    ObservationStore store;

    @Inject
    StatusService statuses;

    /** @return false when the event had been processed before (nothing changes) */
    @Transactional(TxType.REQUIRED)
    public boolean record(String eventId, MeasurementRecorded m) {
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        List<FieldError> errors = new ArrayList<>();
        ImportService.Checked checked = imports.check(List.of(new ObservationInput(m.areaCode(), m.complexId(), m.indicator(),
                m.period(), m.value(), m.respondents(), "measurement:" + m.measurementId(), m.corporationId())),
                Optional.empty(), true, "measurement", errors);
        if (!errors.isEmpty()) {
            // a measurement this service cannot use goes to the dead-letter topic with the reason
            throw new UnreadableEventException("measurement " + m.measurementId() + " is invalid: " + errors.stream()
                    .map(e -> e.field().replace("rows[0].", "") + " " + e.message()).collect(Collectors.joining("; ")));
        }
        ObservationStore.Changed changed = store.store(checked.observations());
        int statusChanges = statuses.recalculate(changed.areaCodes(), changed.complexIds(), "measurement " + m.measurementId());
        LOG.infof("Measurement %s of %s stored; %d statuses changed", m.measurementId(), m.areaCode(), statusChanges);
        return true;
    }
}
