package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import nl.leefbaarheid.neighbourhood.domain.Observed;
import nl.leefbaarheid.neighbourhood.domain.StatusCalculator;
import nl.leefbaarheid.neighbourhood.domain.StatusSettings;
import nl.leefbaarheid.neighbourhood.entity.Area;
import nl.leefbaarheid.neighbourhood.entity.ColourOverride;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.entity.Indicator;
import nl.leefbaarheid.neighbourhood.event.StatusChanged;
import nl.leefbaarheid.neighbourhood.platform.outbox.Outbox;
import nl.leefbaarheid.neighbourhood.platform.problem.ProblemException;

/**
 * Keeps the status of every area current: recalculates neighbourhoods and complexes from their observations,
 * rolls up to districts and municipalities, and stores a new version, with its history and a status event,
 * only when the status really changed.
 */
@ApplicationScoped
public class StatusService {

    static final int CHUNK = 1_000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    StatusCalculator calculator;

    @Inject
    StatusSettings settings;

    @Inject
    MeterRegistry metrics;

    /**
     * Recalculates these neighbourhoods and complexes, then the districts and municipalities above them.
     *
     * @return how many statuses changed (got a new version)
     */
    @Transactional(TxType.MANDATORY)
    public int recalculate(Collection<String> neighbourhoods, Collection<Long> complexes, String reason) {
        int minRespondents = minRespondents();
        int changed = 0;
        Set<String> touched = new TreeSet<>(neighbourhoods);
        for (HousingComplex complex : complexes.isEmpty() ? List.<HousingComplex>of()
                : HousingComplex.<HousingComplex>list("id in ?1", complexes)) {
            touched.add(complex.neighbourhoodCode);
            List<Observed> observed = observations("complex_id = ?1", complex.id);
            changed += save(complex.subject(), complex.neighbourhoodCode, "COMPLEX", calculator.forArea(observed, complex.households,
                    override(complex.subject()), minRespondents), observed.size(), reason);
        }
        List<String> codes = new ArrayList<>(touched);
        Set<String> parents = new LinkedHashSet<>();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            Map<String, List<Observed>> byArea = observationsOf(chunk);
            Map<String, Integer> households = latestHouseholds(chunk);
            Map<String, ColourOverride> overrides = overrides(chunk);
            for (String code : chunk) {
                if (!households.containsKey(code)) {
                    continue; // observations of an area not (or no longer) registered are kept, not rolled up
                }
                List<Observed> observed = byArea.getOrDefault(code, List.of());
                ColourOverride override = overrides.get(code);
                changed += save(code, code, "NEIGHBOURHOOD", calculator.forArea(observed, households.get(code),
                        override == null ? null : override.toStatus(), minRespondents), observed.size(), reason);
                parents.add("WK" + code.substring(2, 8));
                parents.add("GM" + code.substring(2, 6));
            }
            keepContextSmall();
        }
        Map<String, Integer> parentHouseholds = latestHouseholds(parents);
        int done = 0;
        for (String parent : parents) {
            if (parentHouseholds.containsKey(parent)) {
                changed += aggregate(parent, parentHouseholds.get(parent), reason, minRespondents);
            }
            if (++done % CHUNK == 0) {
                keepContextSmall();
            }
        }
        return changed;
    }

    /**
     * Recalculates every neighbourhood and complex of a municipality from its stored observations, as from scratch,
     * e.g. after a change of the status settings. Statuses that come out the same keep their version.
     *
     * @return how many statuses changed
     */
    @Transactional(TxType.REQUIRED)
    public int recalculateMunicipality(String municipalityCode, String reason) {
        if (Area.count("code", municipalityCode) == 0) {
            throw ProblemException.notFound("municipality", municipalityCode);
        }
        String prefix = "BU" + municipalityCode.substring(2) + "%";
        @SuppressWarnings("unchecked")
        List<String> neighbourhoods = em.createNativeQuery("select distinct code from area where code like :p")
                .setParameter("p", prefix).getResultList();
        List<Long> complexes = HousingComplex.<HousingComplex>list("neighbourhoodCode like ?1", prefix).stream()
                .map(c -> c.id).toList();
        return recalculate(neighbourhoods, complexes, reason);
    }

    /**
     * A national import saves thousands of statuses and outbox events in one transaction: writing them out and
     * forgetting them keeps every later query from checking them all again.
     */
    private void keepContextSmall() {
        em.flush();
        em.clear();
    }

    /** A district or municipality from the statuses of the neighbourhoods in it, weighted by households. */
    private int aggregate(String code, Integer households, String reason, int minRespondents) {
        String prefix = "BU" + code.substring(2) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> children = em.createNativeQuery("""
                select cast(s.status as text), coalesce(a.households, 0)
                  from area_status s
                  left join lateral (select households from area where code = s.area_code order by year desc limit 1) a on true
                 where s.level = 'NEIGHBOURHOOD' and s.subject like :prefix""")
                .setParameter("prefix", prefix).getResultList();
        List<StatusCalculator.Weighted> weighted = new ArrayList<>();
        for (Object[] child : children) {
            weighted.add(new StatusCalculator.Weighted(read((String) child[0]), ((Number) child[1]).doubleValue()));
        }
        List<Observed> tenant = observations("area_code like ?1 and indicator_code in ('" + StatusCalculator.FEELING_AT_HOME
                + "', '" + StatusCalculator.SHARE_AT_HOME + "')", prefix);
        AreaLevel level = AreaLevel.ofCode(code).orElseThrow();
        ColourOverride override = ColourOverride.findById(code);
        return save(code, code, level.name(), calculator.aggregate(weighted, tenant, override == null ? null : override.toStatus(),
                households, minRespondents), weighted.size(), reason);
    }

    /** The status of a corporation's working area: every neighbourhood where it owns complexes. */
    @Transactional(TxType.SUPPORTS)
    public AreaStatus workingArea(String corporationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> children = em.createNativeQuery("""
                select cast(s.status as text), coalesce(a.households, 0)
                  from area_status s
                  left join lateral (select households from area where code = s.area_code order by year desc limit 1) a on true
                 where s.level = 'NEIGHBOURHOOD'
                   and s.subject in (select neighbourhood_code from housing_complex where corporation_id = :corporation)""")
                .setParameter("corporation", corporationId).getResultList();
        List<StatusCalculator.Weighted> weighted = children.stream()
                .map(c -> new StatusCalculator.Weighted(read((String) c[0]), ((Number) c[1]).doubleValue())).toList();
        List<Observed> tenant = observations("corporation_id = ?1 and indicator_code in ('" + StatusCalculator.FEELING_AT_HOME
                + "', '" + StatusCalculator.SHARE_AT_HOME + "')", corporationId);
        return calculator.aggregate(weighted, tenant, null, null, minRespondents());
    }

    /**
     * Stores the status if it differs from the stored one: a new version, its history and (for areas) an event.
     *
     * @return 1 when the status changed, else 0
     */
    private int save(String subject, String areaCode, String level, AreaStatus status, int observationCount, String reason) {
        Instant now = Instant.now();
        JsonNode next = json.valueToTree(status);
        String provenance = write(Map.of("observations", observationCount, "computedAt", now.toString()));
        @SuppressWarnings("unchecked")
        List<Object[]> current = em.createNativeQuery("select version, cast(status as text) from area_status where subject = :s for update")
                .setParameter("s", subject).getResultList();
        if (current.isEmpty() && status.priority() == null) {
            return 0; // nothing known about the area yet
        }
        JsonNode previous = current.isEmpty() ? null : readTree((String) current.get(0)[1]);
        if (next.equals(previous)) {
            em.createNativeQuery("update area_status set provenance = cast(:p as jsonb), computed_at = :t where subject = :s")
                    .setParameter("p", provenance).setParameter("t", now).setParameter("s", subject).executeUpdate();
            countRecalculation(level, "unchanged");
            return 0;
        }
        Integer previousVersion = current.isEmpty() ? null : ((Number) current.get(0)[0]).intValue();
        int version = previousVersion == null ? 1 : previousVersion + 1;
        List<String> changes = changes(previous, next);
        em.createNativeQuery("""
                insert into area_status (subject, area_code, level, version, status, provenance, priority, computed_at, changed_at)
                values (:s, :a, :l, :v, cast(:st as jsonb), cast(:p as jsonb), :prio, :t, :t)
                on conflict (subject) do update set version = excluded.version, status = excluded.status,
                    provenance = excluded.provenance, priority = excluded.priority, computed_at = excluded.computed_at,
                    changed_at = excluded.changed_at""")
                .setParameter("s", subject).setParameter("a", areaCode).setParameter("l", level).setParameter("v", version)
                .setParameter("st", next.toString()).setParameter("p", provenance)
                .setParameter("prio", status.priority() == null ? null : BigDecimal.valueOf(status.priority()))
                .setParameter("t", now).executeUpdate();
        em.createNativeQuery("""
                insert into area_status_history (subject, version, status, changes, reason, changed_at)
                values (:s, :v, cast(:st as jsonb), cast(:c as jsonb), :r, :t)""")
                .setParameter("s", subject).setParameter("v", version).setParameter("st", next.toString())
                .setParameter("c", write(changes)).setParameter("r", truncate(reason)).setParameter("t", now).executeUpdate();
        countRecalculation(level, "changed");

        if (!"COMPLEX".equals(level)) {
            outbox.add(StatusChanged.TOPIC, areaCode, StatusChanged.TYPE, areaCode, new StatusChanged(areaCode,
                    AreaLevel.valueOf(level), version, previousVersion, changes, truncate(reason), status,
                    previous == null ? null : read(previous.toString()), now));
        }
        return 1;
    }

    /** Prometheus: {@code status_recalculations_total{level, outcome}}, outcome {@code changed} or {@code unchanged}. */
    private void countRecalculation(String level, String outcome) {
        metrics.counter("status.recalculations", "level", level.toLowerCase(), "outcome", outcome).increment();
    }

    /** The parts of the status that differ, two levels deep: {@code livability.deviation}, {@code signals}, ... */
    static List<String> changes(JsonNode before, JsonNode after) {
        Set<String> paths = new TreeSet<>();
        // a first status: everything in it is new
        collect("", before == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : before, after, 0, paths);
        return List.copyOf(paths);
    }

    private static void collect(String path, JsonNode before, JsonNode after, int depth, Set<String> paths) {
        if (before != null && before.equals(after)) {
            return;
        }
        boolean objects = before != null && after != null && before.isObject() && after.isObject();
        if (depth == 2 || !objects) {
            paths.add(path.isEmpty() ? "status" : path);
            return;
        }
        Set<String> names = new TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            collect(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), depth + 1, paths);
        }
    }

    // --- reading -----------------------------------------------------------------------------------

    private List<Observed> observations(String where, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select area_code, indicator_code, period, period_start, value, class, respondents"
                + " from observation where " + where.replace("?1", ":p")).setParameter("p", parameter).getResultList();
        return rows.stream().map(StatusService::observed).toList();
    }

    private Map<String, List<Observed>> observationsOf(List<String> areaCodes) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select area_code, indicator_code, period, period_start, value, class, respondents"
                + " from observation where area_code = any(cast(:codes as varchar[]))")
                .setParameter("codes", areaCodes.toArray(String[]::new)).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                Collectors.mapping(StatusService::observed, Collectors.toList())));
    }

    private static Observed observed(Object[] r) {
        return new Observed((String) r[1], (String) r[2], r[3] instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) r[3], ((Number) r[4]).doubleValue(),
                r[5] == null ? null : ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue());
    }

    /** The households of each registered area in its latest year (null when not known), by code. */
    private Map<String, Integer> latestHouseholds(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct on (code) code, households from area"
                + " where code = any(cast(:codes as varchar[])) order by code, year desc")
                .setParameter("codes", codes.toArray(String[]::new)).getResultList();
        Map<String, Integer> households = new HashMap<>();
        rows.forEach(r -> households.put((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue()));
        return households;
    }

    private Map<String, ColourOverride> overrides(List<String> subjects) {
        List<ColourOverride> found = ColourOverride.list("subject in ?1", subjects);
        return found.stream().collect(Collectors.toMap(o -> o.subject, o -> o));
    }

    private AreaStatus.Override override(String subject) {
        ColourOverride override = ColourOverride.findById(subject);
        return override == null ? null : override.toStatus();
    }

    private int minRespondents() {
        Indicator feeling = Indicator.findById(StatusCalculator.FEELING_AT_HOME);
        return feeling != null && feeling.minRespondents != null ? feeling.minRespondents : settings.minRespondents();
    }

    AreaStatus read(String text) {
        try {
            return json.readValue(text, AreaStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored status is unreadable", e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored status is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 297) + "...";
    }
}
