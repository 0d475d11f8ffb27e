package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.neighbourhood.domain.Reasons;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.platform.events.ProcessedEvents;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import org.jboss.logging.Logger;

/**
 * Turns recorded measurements into observations and recalculated statuses, exactly once per event: a batch of them in
 * one transaction, each affected neighbourhood and complex recalculated once however many of its measurements the batch
 * holds. Their districts and municipalities are rolled up right after the commit ({@link RollUps}), for many batches
 * at once when they come fast.
 */
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

    @Inject
    RollUps rollUps;

    /** A measurement as received, with the id of its event and the {@code traceparent} of its processing (or null). */
    public record Received(String eventId, MeasurementRecorded measurement, String traceParent) {
    }

    /** What became of a batch: the measurements this service cannot use (by their index in the batch), and counts. */
    public record Outcome(Map<Integer, String> invalid, int recorded, int repeated, int statusChanges) {
    }

    @Transactional(TxType.REQUIRED)
    public Outcome recordAll(List<Received> batch) {
        Set<String> seen = processed.processedBefore(CONSUMER, batch.stream().map(Received::eventId).toList());
        Map<String, Integer> fresh = new LinkedHashMap<>(); // event id -> index of its first copy in the batch
        for (int i = 0; i < batch.size(); i++) {
            if (!seen.contains(batch.get(i).eventId())) {
                fresh.putIfAbsent(batch.get(i).eventId(), i);
            }
        }
        List<Integer> indexes = new ArrayList<>(fresh.values());
        List<ObservationInput> rows = indexes.stream().map(i -> input(batch.get(i).measurement())).toList();
        List<FieldError> errors = new ArrayList<>();
        ImportService.Checked checked = imports.check(rows, Optional.empty(), true, "measurement", errors);
        // the errors name rows[i] of the checked rows; the observations are those of the rows without errors, in order
        Map<Integer, List<String>> errorsByRow = new TreeMap<>();
        for (FieldError error : errors) {
            int row = Integer.parseInt(error.field().substring(5, error.field().indexOf(']')));
            errorsByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(error.field().replaceFirst("^rows\\[\\d+]\\.?", "") + " " + error.message());
        }
        Map<Integer, String> invalid = new HashMap<>();
        List<Received> valid = new ArrayList<>();
        List<ObservationStore.NewObservation> observations = new ArrayList<>();
        for (int r = 0, o = 0; r < indexes.size(); r++) {
            Received received = batch.get(indexes.get(r));
            if (errorsByRow.containsKey(r)) {
                invalid.put(indexes.get(r), "measurement " + received.measurement().measurementId() + " is invalid: "
                        + String.join("; ", errorsByRow.get(r)));
            } else {
                valid.add(received);
                observations.add(checked.observations().get(o++));
            }
        }
        // recorded as processed in this transaction: a copy being processed elsewhere at the same time is left to it
        Set<String> first = processed.firstDeliveries(CONSUMER, valid.stream().map(Received::eventId).toList());
        List<ObservationStore.NewObservation> toStore = new ArrayList<>();
        Map<String, List<String>> byNeighbourhood = new HashMap<>();
        Map<String, List<String>> byComplex = new HashMap<>();
        Map<String, String> traceParents = new HashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            MeasurementRecorded m = valid.get(i).measurement();
            if (first.contains(valid.get(i).eventId())) {
                if (valid.get(i).traceParent() != null) {
                    traceParents.put(m.measurementId(), valid.get(i).traceParent());
                }
                toStore.add(observations.get(i));
                String id = m.measurementId();
                byNeighbourhood.computeIfAbsent(m.areaCode(), a -> new ArrayList<>()).add(id);
                if (m.complexId() != null) {
                    byComplex.computeIfAbsent(HousingComplex.subject(m.corporationId(), m.complexId()), c -> new ArrayList<>()).add(id);
                }
            }
        }
        int statusChanges = 0;
        if (!toStore.isEmpty()) {
            ObservationStore.Changed changed = store.store(toStore);
            Reasons reasons = Reasons.measurements(byNeighbourhood, byComplex, traceParents);
            StatusService.Recalculated recalculated = statuses.recalculateNeighbourhoods(changed.areaCodes(), changed.complexIds(), reasons);
            rollUps.request(recalculated.toRollUp(), reasons);
            statusChanges = recalculated.changed();
        }
        LOG.infof("%d measurements of %d areas stored (%d repeated, %d invalid); %d statuses of neighbourhoods and complexes changed", toStore.size(),
                byNeighbourhood.size(), batch.size() - toStore.size() - invalid.size(), invalid.size(), statusChanges);
        return new Outcome(invalid, toStore.size(), batch.size() - toStore.size() - invalid.size(), statusChanges);
    }

    private static ObservationInput input(MeasurementRecorded m) {
        return new ObservationInput(m.areaCode(), m.complexId(), m.indicator(), m.period(), m.value(), m.respondents(),
                "measurement:" + m.measurementId(), m.corporationId());
    }
}
