package nl.leefbaarheid.neighbourhood.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the measurement events of a batch come to, measurement by measurement, whatever order they arrive in: a recorded
 * measurement is stored, a correction replaces its values, a withdrawal removes it. Each correction and the withdrawal
 * carries the measurement's revision (a recording is revision 0); what this service applied last is remembered per
 * measurement ({@link Known}), so that an event at or below it changes nothing: a correction or withdrawal that arrives
 * before its measurement (a replay, a dead letter replayed later) wins over the measurement when it comes, and an older
 * correction after a newer one is ignored.
 */
public final class MeasurementChanges {

    private MeasurementChanges() {
    }

    public enum Kind { RECORDED, CORRECTED, WITHDRAWN }

    /** One event of the batch: where it is in the batch, its measurement, its kind and its revision (0 for a recording). */
    public record Change(int index, String measurementId, Kind kind, long revision) {
    }

    /** What this service applied last of a measurement: the revision, and whether it was the withdrawal. */
    public record Known(long revision, boolean withdrawn) {
    }

    /**
     * The outcome of a batch.
     *
     * @param store    by measurement: the index of the event whose values are to be stored (its latest applied recording or correction)
     * @param remove   the measurements to remove (withdrawn)
     * @param remember by measurement: what to remember as applied last (corrections and withdrawals; a recording needs nothing)
     * @param applied  the indexes of the events that changed something, in batch order
     */
    public record Plan(Map<String, Integer> store, Set<String> remove, Map<String, Known> remember, Set<Integer> applied) {
    }

    /** The plan for these events (in the order they arrived) given what was applied before ({@code known}, by measurement). */
    public static Plan plan(List<Change> changes, Map<String, Known> known) {
        Map<String, Known> current = new HashMap<>(known);
        Map<String, Integer> store = new LinkedHashMap<>();
        Set<String> remove = new TreeSet<>();
        Map<String, Known> remember = new LinkedHashMap<>();
        Set<Integer> applied = new TreeSet<>();
        for (Change change : changes) {
            Known was = current.get(change.measurementId());
            boolean newer = was == null || (change.kind() != Kind.RECORDED && change.revision() > was.revision());
            if (!newer) {
                continue; // stale: a recording after anything, or a revision at or below the one applied
            }
            Known now = new Known(change.revision(), change.kind() == Kind.WITHDRAWN);
            current.put(change.measurementId(), now);
            applied.add(change.index());
            if (change.kind() == Kind.WITHDRAWN) {
                store.remove(change.measurementId());
                remove.add(change.measurementId());
            } else {
                store.put(change.measurementId(), change.index());
                remove.remove(change.measurementId());
            }
            if (change.kind() != Kind.RECORDED) {
                remember.put(change.measurementId(), now);
            }
        }
        return new Plan(store, remove, remember, applied);
    }
}
