package nl.leefbaarheid.neighbourhood.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Why a status was recalculated, as its history and status event tell it: one reason for every area (an import, a
 * recalculation), or the measurements that reached each area. A neighbourhood or complex names its own measurements;
 * a district or municipality those of the neighbourhoods in it. Each measurement may bring the W3C {@code traceparent}
 * of its processing: the status event of a subject goes on in the trace of the last measurement it names.
 */
public final class Reasons {

    /** The longest reason stored (the column of the status history); longer lists end in "and N more". */
    public static final int MAX_LENGTH = 2000;

    private final String fixed;
    private final NavigableMap<String, List<String>> byNeighbourhood;
    private final Map<String, List<String>> bySubject;
    private final Map<String, String> traceParents;

    private Reasons(String fixed, NavigableMap<String, List<String>> byNeighbourhood, Map<String, List<String>> bySubject,
            Map<String, String> traceParents) {
        this.fixed = fixed;
        this.byNeighbourhood = byNeighbourhood;
        this.bySubject = bySubject;
        this.traceParents = traceParents;
    }

    /** The same reason for every status, e.g. {@code Leefbaarometer import}. */
    public static Reasons of(String reason) {
        return new Reasons(truncate(reason), new TreeMap<>(), Map.of(), Map.of());
    }

    /**
     * @param byNeighbourhood the measurement ids of each neighbourhood code
     * @param byComplex       the measurement ids of each complex, by its status subject
     * @param traceParents    the {@code traceparent} of each measurement id that has one
     */
    public static Reasons measurements(Map<String, List<String>> byNeighbourhood, Map<String, List<String>> byComplex,
            Map<String, String> traceParents) {
        return new Reasons(null, new TreeMap<>(byNeighbourhood), Map.copyOf(byComplex), Map.copyOf(traceParents));
    }

    /** The reason of a subject: a neighbourhood, district or municipality code, or a complex's subject. */
    public String forSubject(String subject) {
        return fixed != null ? fixed : list(measurementIds(subject));
    }

    /** The {@code traceparent} of the last measurement the subject's reason names; null when it has none. */
    public String traceParentFor(String subject) {
        List<String> ids = measurementsOf(subject);
        return ids.isEmpty() ? null : traceParentOf(ids.get(ids.size() - 1));
    }

    /** The measurement ids a subject's reason names: none for a fixed reason. */
    public List<String> measurementsOf(String subject) {
        return fixed != null ? List.of() : measurementIds(subject);
    }

    /** The {@code traceparent} of a measurement, or null. */
    public String traceParentOf(String measurementId) {
        return traceParents.get(measurementId);
    }

    private List<String> measurementIds(String subject) {
        List<String> own = bySubject.get(subject);
        if (own != null) {
            return own;
        }
        if (subject.startsWith("BU")) {
            return byNeighbourhood.getOrDefault(subject, List.of());
        }
        // districts (WK + 6 digits) and municipalities (GM + 4 digits): the neighbourhoods whose code starts alike
        String prefix = "BU" + subject.substring(2);
        List<String> ids = new ArrayList<>();
        byNeighbourhood.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values().forEach(ids::addAll);
        return ids;
    }

    /** {@code measurement <id>}, {@code measurements <id>, <id>}, or as many as fit and {@code and N more}. */
    static String list(Collection<String> ids) {
        if (ids.isEmpty()) {
            return "recalculation";
        }
        if (ids.size() == 1) {
            return "measurement " + ids.iterator().next();
        }
        StringBuilder text = new StringBuilder("measurements ");
        int listed = 0;
        for (String id : ids) {
            String more = " and " + (ids.size() - listed) + " more";
            if (text.length() + id.length() + 2 + more.length() > MAX_LENGTH) {
                return text.append(more).toString();
            }
            text.append(listed == 0 ? "" : ", ").append(id);
            listed++;
        }
        return text.toString();
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 3) + "...";
    }
}
