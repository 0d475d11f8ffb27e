package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.neighbourhood.domain.MeasurementChanges;
import nl.leefbaarheid.neighbourhood.domain.MeasurementChanges.Kind;
import nl.leefbaarheid.neighbourhood.domain.Reasons;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.event.MeasurementCorrected;
import nl.leefbaarheid.neighbourhood.event.MeasurementEvent;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.event.MeasurementWithdrawn;
import nl.leefbaarheid.platform.events.ProcessedEvents;
import nl.leefbaarheid.platform.problem.Problem.FieldError;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.jboss.logging.Logger;

/**
 * Turns measurement events into observations and recalculated statuses, exactly once per event: a recorded measurement is
 * stored as an observation (source {@code measurement:<id>}), a correction replaces its values, a withdrawal removes it
 * ({@link MeasurementChanges} decides, also for events that arrive out of their order). A batch of them is handled in one
 * transaction, each affected neighbourhood and complex recalculated once however many of its measurements the batch holds;
 * the status reason names each measurement, and its correction or withdrawal. Their districts and municipalities are rolled
 * up right after the commit ({@link RollUps}), for many batches at once when they come fast.
 */
@ApplicationScoped
public class MeasurementService {

    private static final Logger LOG = Logger.getLogger(MeasurementService.class);

    static final String CONSUMER = "neighbourhood-service.measurements";
    static final String SOURCE = "measurement:";

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

    @Inject
    EntityManager em;

    /** A measurement event as received, with its event id and the {@code traceparent} of its processing (or null). */
    public record Received(String eventId, MeasurementEvent measurement, String traceParent) {
    }

    /** What became of a batch: the events this service cannot use (by their index in the batch), and counts. */
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
        Map<Integer, ObservationStore.NewObservation> observations = new HashMap<>();
        Map<Integer, String> invalid = check(batch, new ArrayList<>(fresh.values()), observations);
        List<Integer> valid = fresh.values().stream().filter(i -> !invalid.containsKey(i)).toList();
        // recorded as processed in this transaction: a copy being processed elsewhere at the same time is left to it
        Set<String> first = processed.firstDeliveries(CONSUMER, valid.stream().map(i -> batch.get(i).eventId()).toList());
        List<MeasurementChanges.Change> changes = new ArrayList<>();
        for (int i : valid) {
            if (first.contains(batch.get(i).eventId())) {
                changes.add(change(i, batch.get(i).measurement()));
            }
        }
        MeasurementChanges.Plan plan = MeasurementChanges.plan(changes, known(changes));
        int statusChanges = 0;
        if (!plan.applied().isEmpty()) {
            ObservationStore.Changed stored = store.store(plan.store().values().stream().map(observations::get).toList());
            // a withdrawn measurement's observation is found in the area its withdrawal names
            Map<String, String> areas = new HashMap<>();
            plan.applied().forEach(index -> areas.put(batch.get(index).measurement().measurementId(), batch.get(index).measurement().areaCode()));
            ObservationStore.Changed removed = store.remove(plan.remove().stream()
                    .map(id -> new ObservationStore.Source(areas.get(id), SOURCE + id)).toList());
            remember(plan.remember());
            Reasons reasons = reasons(batch, plan);
            Set<String> changedAreas = new HashSet<>(stored.areaCodes());
            changedAreas.addAll(removed.areaCodes());
            Set<Long> changedComplexes = new HashSet<>(stored.complexIds());
            changedComplexes.addAll(removed.complexIds());
            StatusService.Recalculated recalculated = statuses.recalculateNeighbourhoods(changedAreas, changedComplexes, reasons);
            rollUps.request(recalculated.toRollUp(), reasons);
            statusChanges = recalculated.changed();
        }
        int repeated = batch.size() - changes.size() - invalid.size();
        LOG.infof("%d measurement events stored (%d applied, %d out of date; %d repeated, %d invalid); %d statuses of neighbourhoods"
                + " and complexes changed", changes.size(), plan.applied().size(), changes.size() - plan.applied().size(), repeated,
                invalid.size(), statusChanges);
        return new Outcome(invalid, changes.size(), repeated, statusChanges);
    }

    /**
     * Checks the events at these indexes as observations are checked (known area for the period, kapstok, scale, complex);
     * puts the observation of each valid recording or correction in {@code observations}; returns the invalid ones' reasons.
     */
    private Map<Integer, String> check(List<Received> batch, List<Integer> indexes, Map<Integer, ObservationStore.NewObservation> observations) {
        Map<Integer, String> invalid = new HashMap<>();
        List<Integer> withValues = new ArrayList<>();
        List<ObservationInput> rows = new ArrayList<>();
        for (int i : indexes) {
            MeasurementEvent m = batch.get(i).measurement();
            if (m.measurementId() == null || m.areaCode() == null) {
                invalid.put(i, "measurement event " + batch.get(i).eventId() + " lacks its measurementId or areaCode");
            } else if (m instanceof MeasurementWithdrawn w && (w.revision() == null || w.revision() < 1)) {
                invalid.put(i, "withdrawal of measurement " + m.measurementId() + " lacks its revision");
            } else if (m instanceof MeasurementCorrected c && (c.revision() == null || c.revision() < 1)) {
                invalid.put(i, "correction of measurement " + m.measurementId() + " lacks its revision");
            } else if (!(m instanceof MeasurementWithdrawn)) {
                withValues.add(i);
                rows.add(input(m));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        ImportService.Checked checked = imports.check(rows, Optional.empty(), true, "measurement", errors);
        // the errors name rows[i] of the checked rows; the observations are those of the rows without errors, in order
        Map<Integer, List<String>> errorsByRow = new TreeMap<>();
        for (FieldError error : errors) {
            int row = Integer.parseInt(error.field().substring(5, error.field().indexOf(']')));
            errorsByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(error.field().replaceFirst("^rows\\[\\d+]\\.?", "") + " " + error.message());
        }
        for (int r = 0, o = 0; r < withValues.size(); r++) {
            int index = withValues.get(r);
            if (errorsByRow.containsKey(r)) {
                invalid.put(index, "measurement " + batch.get(index).measurement().measurementId() + " is invalid: "
                        + String.join("; ", errorsByRow.get(r)));
            } else {
                observations.put(index, checked.observations().get(o++));
            }
        }
        return invalid;
    }

    private static MeasurementChanges.Change change(int index, MeasurementEvent m) {
        if (m instanceof MeasurementCorrected c) {
            return new MeasurementChanges.Change(index, m.measurementId(), Kind.CORRECTED, c.revision());
        }
        if (m instanceof MeasurementWithdrawn w) {
            return new MeasurementChanges.Change(index, m.measurementId(), Kind.WITHDRAWN, w.revision());
        }
        return new MeasurementChanges.Change(index, m.measurementId(), Kind.RECORDED, 0);
    }

    /** What was applied before of these changes' measurements: their latest correction or withdrawal. */
    private Map<String, MeasurementChanges.Known> known(List<MeasurementChanges.Change> changes) {
        Map<String, MeasurementChanges.Known> known = new HashMap<>();
        if (!changes.isEmpty()) {
            SqlRows.query(em, "select measurement_id, revision, withdrawn from measurement_revision where measurement_id = any(?)",
                    List.of((Object) changes.stream().map(MeasurementChanges.Change::measurementId).distinct().toArray(String[]::new)),
                    row -> known.put(row.getString(1), new MeasurementChanges.Known(row.getLong(2), row.getBoolean(3))));
        }
        return known;
    }

    private void remember(Map<String, MeasurementChanges.Known> remember) {
        if (remember.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(remember.keySet());
        SqlRows.update(em, """
                insert into measurement_revision (measurement_id, revision, withdrawn)
                select i, r, cast(w as boolean) from unnest(?::varchar[], ?::bigint[], ?::varchar[]) as x(i, r, w)
                on conflict (measurement_id) do update set revision = excluded.revision, withdrawn = excluded.withdrawn, changed_at = now()
                 where measurement_revision.revision < excluded.revision""",
                List.of(ids.toArray(String[]::new), ids.stream().map(id -> remember.get(id).revision()).toArray(Long[]::new),
                        ids.stream().map(id -> Boolean.toString(remember.get(id).withdrawn())).toArray(String[]::new)));
    }

    /** The applied events by area and complex: a measurement's id, and what happened to it when it is not its recording. */
    private static Reasons reasons(List<Received> batch, MeasurementChanges.Plan plan) {
        Map<String, List<String>> byNeighbourhood = new HashMap<>();
        Map<String, List<String>> byComplex = new HashMap<>();
        Map<String, String> traceParents = new HashMap<>();
        for (int index : plan.applied()) {
            Received received = batch.get(index);
            MeasurementEvent m = received.measurement();
            String label = m.measurementId() + (m instanceof MeasurementCorrected ? " corrected" : m instanceof MeasurementWithdrawn ? " withdrawn" : "");
            if (received.traceParent() != null) {
                traceParents.put(label, received.traceParent());
            }
            byNeighbourhood.computeIfAbsent(m.areaCode(), a -> new ArrayList<>()).add(label);
            if (m.complexId() != null) {
                byComplex.computeIfAbsent(HousingComplex.subject(m.corporationId(), m.complexId()), c -> new ArrayList<>()).add(label);
            }
        }
        return Reasons.measurements(byNeighbourhood, byComplex, traceParents);
    }

    private static ObservationInput input(MeasurementEvent event) {
        if (event instanceof MeasurementCorrected m) {
            return new ObservationInput(m.areaCode(), m.complexId(), m.indicator(), m.period(), m.value(), m.respondents(),
                    SOURCE + m.measurementId(), m.corporationId());
        }
        MeasurementRecorded m = (MeasurementRecorded) event;
        return new ObservationInput(m.areaCode(), m.complexId(), m.indicator(), m.period(), m.value(), m.respondents(),
                SOURCE + m.measurementId(), m.corporationId());
    }
}
