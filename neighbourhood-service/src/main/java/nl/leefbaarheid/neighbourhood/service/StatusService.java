package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.domain.Observed;
import nl.leefbaarheid.neighbourhood.domain.Reasons;
import nl.leefbaarheid.neighbourhood.domain.StatusCalculator;
import nl.leefbaarheid.neighbourhood.domain.StatusSettings;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.entity.Area;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.entity.Indicator;
import nl.leefbaarheid.neighbourhood.event.StatusChanged;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.hibernate.Session;

/**
 * Keeps the status of every area current: recalculates neighbourhoods and complexes from their observations,
 * rolls up to districts and municipalities, and stores a new version, with its history and a status event,
 * only when the status really changed.
 */
@ApplicationScoped
public class StatusService {

    static final int CHUNK = 1_000;
    /**
     * Municipalities rolled up at a time: the statuses of all their neighbourhoods are read at once (some 2,000; 250
     * municipalities, a national import's 7,000, kept a small heap busy with full collections).
     */
    static final int ROLL_UP_MUNICIPALITIES = 50;

    /** The first key of the advisory locks on municipalities (see {@link #lockMunicipalities}): "LBST". */
    static final int MUNICIPALITY_LOCK = 0x4C425354;

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

    @Inject
    Kapstok kapstok;

    /**
     * Recalculates these areas (of any level: those whose observations changed) and complexes, then the districts and
     * municipalities above them.
     *
     * @return how many statuses changed (got a new version)
     */
    @Transactional(TxType.MANDATORY)
    public int recalculate(Collection<String> areas, Collection<Long> complexes, String reason) {
        return recalculate(areas, complexes, Reasons.of(reason));
    }

    /**
     * Recalculates these areas (of any level) and complexes, then the districts and municipalities above them: each once,
     * however many of its observations changed, with a few statements per thousand areas.
     *
     * @return how many statuses changed (got a new version)
     */
    @Transactional(TxType.MANDATORY)
    public int recalculate(Collection<String> areas, Collection<Long> complexes, Reasons reasons) {
        return recalculate(areas, complexes, reasons, new ImportProgress(0));
    }

    /** The same, telling an import's progress how many areas are done (of the areas, complexes and what they roll up to). */
    @Transactional(TxType.MANDATORY)
    public int recalculate(Collection<String> areas, Collection<Long> complexes, Reasons reasons, ImportProgress progress) {
        return recalculate(areas, complexes, reasons, progress, HeldObservations.none());
    }

    /** The same, with observations of some areas that the caller holds ({@link HeldObservations}). */
    @Transactional(TxType.MANDATORY)
    public int recalculate(Collection<String> areas, Collection<Long> complexes, Reasons reasons, ImportProgress progress,
            HeldObservations held) {
        progress.recalculating(areas.size() + complexes.size() + (int) areas.stream().flatMap(StatusService::rolledUp).distinct().count());
        int[] done = { 0 };
        IntConsumer counted = n -> progress.recalculated(done[0] += n);
        Map<String, Stored> fresh = new HashMap<>();
        Recalculated recalculated = recalculateNeighbourhoods(areas, complexes, reasons, counted, fresh, held);
        return recalculated.changed() + rollUp(recalculated.toRollUp(), reasons, counted, fresh, held);
    }

    /**
     * A neighbourhood's status as this transaction just stored it (a new version, or the same as stored): its roll-up
     * takes it from here instead of reading and parsing it again (14,600 of them after a national import).
     */
    private record Stored(AreaStatus status, TenantBasis tenant) {
    }

    /**
     * The households of these areas in this year changed (or they are new): where that year is their latest, their
     * households weigh in the statuses of the districts and municipalities above them, and flag an area of few households,
     * so those with a status are recalculated and rolled up. Areas without a status yet have nothing to weigh.
     *
     * @return how many statuses changed
     */
    @Transactional(TxType.MANDATORY)
    public int householdsChanged(Collection<String> codes, int year, String reason, ImportProgress progress) {
        if (codes.isEmpty()) {
            return 0;
        }
        em.flush(); // a change made through the ORM must be seen by the query
        List<String> withStatus = SqlRows.query(em, """
                select s.subject from area_status s
                 where s.subject = any(?) and not exists (select 1 from area a where a.code = s.subject and a.year > ?)""",
                List.of(codes.toArray(String[]::new), year), row -> row.getString(1));
        return recalculate(withStatus, List.of(), Reasons.of(reason), progress);
    }

    /** The districts and municipalities an area's change rolls up to: above a neighbourhood, its own; else the area itself. */
    private static Stream<String> rolledUp(String code) {
        return code.startsWith("BU") ? Stream.of("WK" + code.substring(2, 8), "GM" + code.substring(2, 6)) : Stream.of(code);
    }

    /**
     * What {@link #recalculateNeighbourhoods} did: what to roll up (the registered neighbourhoods it recalculated, and the
     * districts and municipalities among the areas it was given, whose own observations changed), and how many changed.
     */
    public record Recalculated(Set<String> toRollUp, int changed) {
    }

    /**
     * Recalculates these neighbourhoods and complexes (and the neighbourhoods of the complexes), not the districts and
     * municipalities above them: the caller rolls those up, now ({@link #rollUp}) or after its commit ({@link RollUps}).
     * Districts and municipalities among the areas (their own observations changed, such as their official
     * Leefbaarometer scores) are passed on to be rolled up.
     */
    @Transactional(TxType.MANDATORY)
    public Recalculated recalculateNeighbourhoods(Collection<String> areas, Collection<Long> complexes, Reasons reasons) {
        return recalculateNeighbourhoods(areas, complexes, reasons, n -> { }, null, HeldObservations.none());
    }

    /**
     * The same, telling {@code counted} how many more subjects are done after each part, and putting the neighbourhoods'
     * statuses in {@code stored} (unless null).
     */
    private Recalculated recalculateNeighbourhoods(Collection<String> areas, Collection<Long> complexes, Reasons reasons,
            IntConsumer counted, Map<String, Stored> stored, HeldObservations held) {
        em.flush(); // the reads below go past the ORM (rows), so they must see what the caller changed through it
        int minRespondents = minRespondents();
        int changed = 0;
        Set<String> touched = new TreeSet<>();
        Set<String> toRollUp = new TreeSet<>();
        for (String code : areas) {
            (AreaLevel.ofCode(code).orElse(null) == AreaLevel.NEIGHBOURHOOD ? touched : toRollUp).add(code);
        }
        List<HousingComplex> housingComplexes = complexes.isEmpty() ? List.of() : HousingComplex.list("id in ?1", complexes);
        if (!housingComplexes.isEmpty()) {
            lockSubjects(housingComplexes.stream().map(HousingComplex::subject).toList());
            Map<Long, List<Observed>> byComplex = observationsOfComplexes(housingComplexes.stream().map(c -> c.id).toList());
            Map<String, Map<String, AreaStatus.Override>> overrides = overrides(housingComplexes.stream().map(HousingComplex::subject).toList());
            List<Computed> computed = new ArrayList<>();
            for (HousingComplex complex : housingComplexes) {
                touched.add(complex.neighbourhoodCode);
                List<Observed> observed = byComplex.getOrDefault(complex.id, List.of());
                TenantBasis tenant = TenantBasis.of(observed, overrides.get(complex.subject()));
                computed.add(new Computed(complex.subject(), complex.neighbourhoodCode, "COMPLEX", calculator.forArea(observed,
                        complex.households, tenant, minRespondents), tenant, observed.size(), reasons));
            }
            changed += saveAll(computed);
            counted.accept(housingComplexes.size());
        }
        List<String> codes = new ArrayList<>(touched);
        for (int from = 0; from < codes.size(); from += CHUNK) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + CHUNK));
            lockSubjects(chunk);
            Map<String, List<Observed>> byArea = observationsOf(chunk, held);
            Map<String, Integer> households = latestHouseholds(chunk);
            Map<String, Map<String, AreaStatus.Override>> overrides = overrides(chunk);
            List<Computed> computed = new ArrayList<>();
            for (String code : chunk) {
                if (!households.containsKey(code)) {
                    continue; // observations of an area not (or no longer) registered are kept, not rolled up
                }
                List<Observed> observed = byArea.getOrDefault(code, List.of());
                TenantBasis tenant = TenantBasis.of(observed, overrides.get(code));
                computed.add(new Computed(code, code, "NEIGHBOURHOOD", calculator.forArea(observed, households.get(code),
                        tenant, minRespondents), tenant, observed.size(), reasons));
                toRollUp.add(code);
            }
            changed += saveAll(computed);
            if (stored != null) {
                computed.forEach(c -> stored.put(c.subject(), new Stored(c.status(), c.tenant())));
            }
            counted.accept(chunk.size());
        }
        return new Recalculated(toRollUp, changed);
    }

    /**
     * Rolls up the districts and municipalities of these neighbourhoods from the stored statuses of the neighbourhoods
     * in them, a few hundred municipalities at a time; a district or municipality among the codes is rolled up itself.
     *
     * @return how many statuses changed
     */
    @Transactional(TxType.MANDATORY)
    public int rollUp(Collection<String> areas, Reasons reasons) {
        return rollUp(areas, reasons, n -> { }, Map.of(), HeldObservations.none());
    }

    /** The same, with the statuses of neighbourhoods this transaction has just stored ({@code fresh}). */
    private int rollUp(Collection<String> areas, Reasons reasons, IntConsumer counted, Map<String, Stored> fresh,
            HeldObservations held) {
        if (areas.isEmpty()) {
            return 0;
        }
        int minRespondents = minRespondents();
        Map<String, List<String>> byMunicipality = areas.stream().flatMap(StatusService::rolledUp).distinct()
                .collect(Collectors.groupingBy(p -> p.substring(2, 6), TreeMap::new, Collectors.toList()));
        List<String> municipalities = new ArrayList<>(byMunicipality.keySet());
        lockMunicipalities(municipalities);
        int changed = 0;
        for (int from = 0; from < municipalities.size(); from += ROLL_UP_MUNICIPALITIES) {
            List<String> chunk = municipalities.subList(from, Math.min(municipalities.size(), from + ROLL_UP_MUNICIPALITIES));
            List<String> chunkParents = chunk.stream().flatMap(m -> byMunicipality.get(m).stream()).toList();
            changed += saveAll(aggregate(chunk, chunkParents, reasons, minRespondents, fresh, held));
            counted.accept(chunkParents.size());
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
        // its districts and itself too: those with official scores of their own have observations of their own
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select distinct code from area where code like :p or code like :d or code = :m")
                .setParameter("p", prefix).setParameter("d", "WK" + municipalityCode.substring(2) + "%")
                .setParameter("m", municipalityCode).getResultList();
        List<Long> complexes = HousingComplex.<HousingComplex>list("neighbourhoodCode like ?1", prefix).stream()
                .map(c -> c.id).toList();
        return recalculate(areas, complexes, reason);
    }

    /**
     * Recalculations run side by side (imports, colour overrides, the admin's recalculation, the roll-ups the
     * measurement consumer asks of {@link RollUps}), and a district or municipality is rolled up from the stored
     * statuses of its neighbourhoods. Two transactions that each changed a neighbourhood of the same district would
     * each read the other's neighbourhood as it was, and the one to commit last would store a district that misses the
     * other's change. So before it rolls up, a recalculation locks the municipalities (four digits, in order) until it
     * commits: the roll-ups of one municipality go one after the other, and the later one reads what the earlier one
     * committed. The neighbourhoods themselves are recalculated side by side. A transaction waiting here holds rows of
     * its own neighbourhoods (and their observations), which a transaction holding these locks no longer waits for: no
     * deadlock.
     */
    private void lockMunicipalities(List<String> municipalities) {
        if (!municipalities.isEmpty()) {
            // unnest keeps the order of the array, so the locks are taken in that order
            rows("select count(pg_advisory_xact_lock(?, cast(m as int))) from unnest(?::varchar[]) as m", MUNICIPALITY_LOCK,
                    municipalities.toArray(String[]::new));
        }
    }

    /**
     * Locks these neighbourhoods or complexes until the transaction ends, before their observations are read: a
     * recalculation of one of them in another transaction (an import beside the measurement consumer) waits until that
     * one has committed, and then reads its observations too, so neither stores a status that misses the other's. A
     * subject gets its row the first time; the row exists even before a first status does, so two first statuses are
     * written one after the other as well (they once both took version 1, and one failed). Row locks, in subject order,
     * as the stored statuses are locked: they take no room in PostgreSQL's lock table, however many areas an import has.
     */
    private void lockSubjects(List<String> subjects) {
        String[] sorted = subjects.stream().sorted().distinct().toArray(String[]::new);
        SqlRows.update(em, "insert into status_subject (subject) select s from unnest(?::varchar[]) as s on conflict do nothing",
                List.of((Object) sorted));
        rows("select subject from status_subject where subject = any(?) order by subject for update", (Object) sorted);
    }

    /** A status computed for a subject, to be stored if it differs from the stored one. */
    private record Computed(String subject, String areaCode, String level, AreaStatus status, TenantBasis tenant,
            int observationCount, String reason, String traceParent) {

        Computed(String subject, String areaCode, String level, AreaStatus status, TenantBasis tenant, int observationCount,
                Reasons reasons) {
            this(subject, areaCode, level, status, tenant, observationCount, reasons.forSubject(subject), reasons.traceParentFor(subject));
        }
    }

    /**
     * Districts and municipalities (codes in {@code parents}, all within {@code municipalities}, given by their four
     * digits) from the statuses of the neighbourhoods in them, weighted by households, and the merged tenant bases of the
     * neighbourhoods (see {@link TenantBasis#merge}); the livability of one with official Leefbaarometer scores of its own
     * comes from those.
     */
    private List<Computed> aggregate(List<String> municipalities, List<String> parents, Reasons reasons, int minRespondents,
            Map<String, Stored> fresh, HeldObservations held) {
        // the neighbourhoods BU{digits}..., found by a range on the pattern index (LIKE ANY would scan the table)
        String[] prefixes = municipalities.stream().map(m -> "BU" + m).toArray(String[]::new);
        Set<String> digits = new HashSet<>(municipalities);
        String[] known = fresh.keySet().stream().filter(code -> digits.contains(code.substring(2, 6))).toArray(String[]::new);
        // the status and basis of a neighbourhood this transaction has just stored come from fresh, not from here
        List<Object[]> children = rows("""
                select s.subject, case when f.subject is null then cast(s.status as text) end, coalesce(a.households, 0),
                       case when f.subject is null then cast(s.tenant_basis as text) end
                  from unnest(?::varchar[]) as p(prefix)
                  join area_status s on s.subject ~>=~ p.prefix and s.subject ~<~ (p.prefix || '~')
                  left join unnest(?::varchar[]) as f(subject) on f.subject = s.subject
                  left join lateral (select households from area where code = s.area_code order by year desc limit 1) a on true
                 where s.level = 'NEIGHBOURHOOD'""", prefixes, known);
        Map<String, List<StatusCalculator.Weighted>> weighted = new HashMap<>();
        Map<String, List<TenantBasis>> bases = new HashMap<>();
        for (Object[] child : children) {
            String code = (String) child[0];
            Stored stored = fresh.get(code);
            AreaStatus status = stored != null ? stored.status() : read((String) child[1]);
            StatusCalculator.Weighted w = new StatusCalculator.Weighted(status, ((Number) child[2]).doubleValue());
            TenantBasis basis = stored != null ? stored.tenant() : basis((String) child[3], status.tenantExperience() != null);
            for (String parent : List.of("WK" + code.substring(2, 8), "GM" + code.substring(2, 6))) {
                weighted.computeIfAbsent(parent, k -> new ArrayList<>()).add(w);
                bases.computeIfAbsent(parent, k -> new ArrayList<>()).add(basis);
            }
        }
        Map<String, Integer> households = latestHouseholds(parents);
        Map<String, Map<String, AreaStatus.Override>> overrides = overrides(parents);
        Map<String, List<Observed>> own = observationsOf(parents, held);
        List<Computed> computed = new ArrayList<>();
        for (String parent : parents) {
            if (!households.containsKey(parent)) {
                continue; // not registered
            }
            List<StatusCalculator.Weighted> of = weighted.getOrDefault(parent, List.of());
            List<Observed> observed = own.getOrDefault(parent, List.of());
            TenantBasis tenant = TenantBasis.merge(bases.getOrDefault(parent, List.of()), overrides.get(parent));
            computed.add(new Computed(parent, parent, AreaLevel.ofCode(parent).orElseThrow().name(),
                    calculator.aggregate(of, observed, tenant, households.get(parent), minRespondents), tenant,
                    of.size() + observed.size(), reasons));
        }
        return computed;
    }

    /**
     * The status of a corporation's working area (every neighbourhood where it owns complexes) as a caller sees it who may
     * see the tenant figures of {@code visible} owners (null: all).
     */
    @Transactional(TxType.SUPPORTS)
    public AreaStatus workingArea(String corporationId, Set<String> visible) {
        @SuppressWarnings("unchecked")
        List<Object[]> children = em.createNativeQuery("""
                select cast(s.status as text), coalesce(a.households, 0), cast(s.tenant_basis as text)
                  from area_status s
                  left join lateral (select households from area where code = s.area_code order by year desc limit 1) a on true
                 where s.level = 'NEIGHBOURHOOD'
                   and s.subject in (select neighbourhood_code from housing_complex where corporation_id = :corporation and """
                + HousingComplex.CURRENT + ")")
                .setParameter("corporation", corporationId).getResultList();
        List<StatusCalculator.Weighted> weighted = children.stream()
                .map(c -> new StatusCalculator.Weighted(read((String) c[0]), ((Number) c[1]).doubleValue())).toList();
        List<TenantBasis> bases = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            bases.add(basis((String) children.get(i)[2], weighted.get(i).status().tenantExperience() != null));
        }
        TenantBasis tenant = TenantBasis.merge(bases, Map.of());
        return calculator.aggregate(weighted, List.of(), tenant.visibleTo(visible), null, minRespondents());
    }

    /** A status as a caller sees it who may see the tenant figures of {@code visible} owners (null: all of them). */
    public AreaStatus forViewer(AreaStatus full, TenantBasis basis, Set<String> visible) {
        return calculator.forViewer(full, basis, visible, minRespondents());
    }

    /** The same, of a status and its basis as stored (their JSON). */
    public AreaStatus forViewer(String status, String basis, Set<String> visible) {
        AreaStatus full = read(status);
        return forViewer(full, basis(basis, full.tenantExperience() != null), visible);
    }

    /**
     * The tenant experience of each corporation alone, as the status event carries it for the receivers who may see one
     * corporation's figures (a collaboration sees its own corporation's).
     */
    private Map<String, AreaStatus.TenantExperience> byCorporation(TenantBasis basis) {
        Map<String, AreaStatus.TenantExperience> experiences = new TreeMap<>();
        int minRespondents = minRespondents();
        for (String owner : basis.owners()) {
            if (!owner.equals(TenantBasis.ADMIN)) {
                experiences.put(owner, calculator.tenant(basis.visibleTo(Set.of(owner)), minRespondents));
            }
        }
        return experiences;
    }

    /**
     * Stores each status that differs from the stored one: a new version, its history and (for areas) an event; of one
     * that is the same, only when it was computed. Locks the stored statuses first (in subject order), so that two
     * recalculations of one area never both take the same next version.
     *
     * @return how many statuses changed
     */
    private int saveAll(List<Computed> computed) {
        if (computed.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        String[] subjects = computed.stream().map(Computed::subject).toArray(String[]::new);
        List<Object[]> rows = rows("select subject, version, cast(status as text), cast(tenant_basis as text) from area_status"
                + " where subject = any(?) order by subject for update", (Object) subjects);
        Map<String, Object[]> stored = new HashMap<>();
        rows.forEach(r -> stored.put((String) r[0], r));

        List<String[]> unchanged = new ArrayList<>(); // subject, provenance
        // subject, area, level, version, status, provenance, priority, changes, reason, tenant basis, its owners, public priority
        List<Object[]> changedRows = new ArrayList<>();
        List<Outbox.Event> events = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>(); // level -> changed, unchanged
        for (Computed c : computed) {
            Object[] current = stored.get(c.subject());
            if (current == null && c.status().priority() == null) {
                continue; // nothing known about the area yet
            }
            JsonNode next = json.valueToTree(c.status());
            // {"observations": n, "computedAt": instant}: a number and an ISO instant, nothing to escape
            String provenance = "{\"observations\":" + c.observationCount() + ",\"computedAt\":\"" + now + "\"}";
            JsonNode previous = current == null ? null : readTree((String) current[2]);
            TenantBasis previousBasis = current == null ? null : basis((String) current[3], previous.has("tenantExperience"));
            int[] count = counts.computeIfAbsent(c.level(), l -> new int[2]);
            // a status whose figures are the same but whose owners differ (another corporation's marks) is a new version too
            if (next.equals(previous) && c.tenant().equals(previousBasis)) {
                unchanged.add(new String[] { c.subject(), provenance });
                count[1]++;
                continue;
            }
            count[0]++;
            Integer previousVersion = current == null ? null : ((Number) current[1]).intValue();
            int version = previousVersion == null ? 1 : previousVersion + 1;
            List<String> changes = changes(previous, next);
            AreaStatus publicStatus = forViewer(c.status(), c.tenant(), Set.of());
            changedRows.add(new Object[] { c.subject(), c.areaCode(), c.level(), version, next.toString(), provenance,
                    decimal(c.status().priority()), write(changes), c.reason(), write(c.tenant()),
                    c.tenant().owners().toArray(String[]::new), decimal(publicStatus.priority()) });
            if (!"COMPLEX".equals(c.level())) {
                events.add(new Outbox.Event(StatusChanged.TOPIC, c.areaCode(), StatusChanged.TYPE, c.areaCode(),
                        statusChanged(c, version, previousVersion, publicStatus, changes, previous, previousBasis, now), c.traceParent()));
            }
        }
        Timestamp at = Timestamp.from(now);
        em.unwrap(Session.class).doWork(connection -> {
            if (!unchanged.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(TOUCH)) {
                    update.setTimestamp(1, at);
                    update.setArray(2, connection.createArrayOf("varchar", unchanged.stream().map(u -> u[0]).toArray(String[]::new)));
                    update.setArray(3, connection.createArrayOf("text", unchanged.stream().map(u -> u[1]).toArray(String[]::new)));
                    update.executeUpdate();
                }
            }
            if (!changedRows.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(NEW_VERSIONS)) {
                    insert.setTimestamp(1, at);
                    for (int column = 0; column < CHANGED_TYPES.length; column++) {
                        Object[] values = switch (CHANGED_TYPES[column]) {
                            case "integer" -> new Integer[changedRows.size()];
                            case "numeric" -> new BigDecimal[changedRows.size()];
                            default -> new String[changedRows.size()];
                        };
                        for (int row = 0; row < values.length; row++) {
                            Object value = changedRows.get(row)[column];
                            // the owners as the text of an array literal: PostgreSQL has no arrays of arrays of varying length
                            values[row] = value instanceof String[] owners ? ownersLiteral(owners) : value;
                        }
                        insert.setArray(column + 2, connection.createArrayOf(CHANGED_TYPES[column], values));
                    }
                    insert.executeUpdate();
                }
            }
        });
        outbox.addAll(events);
        counts.forEach((level, count) -> {
            countRecalculations(level, "changed", count[0]);
            countRecalculations(level, "unchanged", count[1]);
        });
        return changedRows.size();
    }

    /** The SQL types of the columns of a changed row, in order. */
    private static final String[] CHANGED_TYPES = { "varchar", "varchar", "varchar", "integer", "text", "text", "numeric", "text",
            "varchar", "text", "text", "numeric" };

    /** A status computed again and found the same: only when, and from how many observations. */
    static final String TOUCH = """
            update area_status s set provenance = cast(x.p as jsonb), computed_at = ?
              from unnest(?::varchar[], ?::text[]) as x(subject, p)
             where s.subject = x.subject""";

    /**
     * A new version of each status and its history entry, in one statement (the parameters: at, then the columns of
     * the changed rows, sent once for both tables).
     */
    static final String NEW_VERSIONS = """
            with t as (select cast(? as timestamptz) as at),
                 x as (select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::integer[], ?::text[], ?::text[], ?::numeric[],
                                            ?::text[], ?::varchar[], ?::text[], ?::text[], ?::numeric[])
                                 as x(s, a, l, v, st, p, prio, c, r, tb, o, pprio)),
                 upserted as (
                   insert into area_status (subject, area_code, level, version, status, provenance, priority, computed_at, changed_at,
                                            tenant_basis, tenant_owners, public_priority)
                   select s, a, l, v, cast(st as jsonb), cast(p as jsonb), prio, t.at, t.at, cast(tb as jsonb), cast(o as varchar[]), pprio
                     from t, x
                   on conflict (subject) do update set version = excluded.version, status = excluded.status,
                       provenance = excluded.provenance, priority = excluded.priority, computed_at = excluded.computed_at,
                       changed_at = excluded.changed_at, tenant_basis = excluded.tenant_basis,
                       tenant_owners = excluded.tenant_owners, public_priority = excluded.public_priority)
            insert into area_status_history (subject, version, status, changes, reason, changed_at, tenant_basis)
            select s, v, cast(st as jsonb), cast(c as jsonb), r, t.at, cast(tb as jsonb) from t, x""";

    /**
     * The event of a new version. Its statuses are public (the tenant figures, and the signals and priority that follow
     * from them, left out); the tenant experience of each corporation alone travels beside them, for receivers that show
     * one corporation's figures to those it shares them with. Its changes are those of the public status, and
     * {@code tenantExperience} when a corporation's experience changed. A first status without tenant figures is its
     * public status, and its changes ({@code nextChanges}, everything in it) those of the public status.
     */
    private StatusChanged statusChanged(Computed c, int version, Integer previousVersion, AreaStatus publicStatus,
            List<String> nextChanges, JsonNode previous, TenantBasis previousBasis, Instant now) {
        AreaStatus previousPublic = previous == null ? null : forViewer(treeToStatus(previous), previousBasis, Set.of());
        Map<String, AreaStatus.TenantExperience> experiences = byCorporation(c.tenant());
        Map<String, AreaStatus.TenantExperience> previousExperiences = previous == null ? Map.of() : byCorporation(previousBasis);
        List<String> changes = new ArrayList<>(previous == null && publicStatus == c.status() ? nextChanges
                : changes(previousPublic == null ? null : json.valueToTree(previousPublic), json.valueToTree(publicStatus)));
        if (!experiences.equals(previousExperiences)) {
            changes.add("tenantExperience");
        }
        return new StatusChanged(c.areaCode(), AreaLevel.valueOf(c.level()), version, previousVersion, List.copyOf(new TreeSet<>(changes)),
                c.reason(), publicStatus, previousPublic, experiences, previous == null ? null : previousExperiences, now);
    }

    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** {@code {"a","b"}}: owners are corporation ids (letters, digits, dashes) or {@link TenantBasis#ADMIN}, quoted. */
    private static String ownersLiteral(String[] owners) {
        return Stream.of(owners).map(o -> '"' + o + '"').collect(Collectors.joining(",", "{", "}"));
    }

    /** Prometheus: {@code status_recalculations_total{level, outcome}}, outcome {@code changed} or {@code unchanged}. */
    private void countRecalculations(String level, String outcome, int count) {
        if (count > 0) {
            metrics.counter("status.recalculations", "level", level.toLowerCase(), "outcome", outcome).increment(count);
        }
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

    /** The observations of these areas: of the areas {@code held} holds, those it holds and the other sources' from here. */
    private Map<String, List<Observed>> observationsOf(List<String> areaCodes, HeldObservations held) {
        Map<String, List<Observed>> byArea = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        String[] all = areaCodes.stream().filter(code -> !held.holds(code)).toArray(String[]::new);
        String[] others = areaCodes.stream().filter(held::holds).toArray(String[]::new);
        String columns = "select area_code, indicator_code, period, period_start, value, class, respondents, corporation_id from observation";
        SqlRows.Row<Boolean> add = row -> byArea.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(observed(row, texts));
        if (all.length > 0) {
            SqlRows.query(em, columns + " where area_code = any(?)", List.of((Object) all), add);
        }
        if (others.length > 0) {
            SqlRows.query(em, columns + " where area_code = any(?) and source <> ?", List.of(others, held.source()), add);
            for (String code : others) {
                byArea.computeIfAbsent(code, k -> new ArrayList<>()).addAll(held.take(code));
            }
        }
        return byArea;
    }

    private Map<Long, List<Observed>> observationsOfComplexes(List<Long> complexIds) {
        Map<Long, List<Observed>> byComplex = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        SqlRows.query(em, "select complex_id, indicator_code, period, period_start, value, class, respondents, corporation_id"
                + " from observation where complex_id = any(?)", List.of((Object) complexIds.toArray(Long[]::new)),
                row -> byComplex.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(observed(row, texts)));
        return byComplex;
    }

    /**
     * An observation from columns 2 to 8 of a row. The few indicator codes, periods and corporations are kept once
     * ({@code texts}): a national import reads some 900,000 rows, and what a chunk of them holds must fit a small heap.
     */
    private static Observed observed(ResultSet row, Map<String, String> texts) throws SQLException {
        int livabilityClass = row.getInt(6);
        Integer klass = row.wasNull() ? null : livabilityClass;
        int respondents = row.getInt(7);
        Integer count = row.wasNull() ? null : respondents;
        String corporation = row.getString(8);
        return new Observed(texts.computeIfAbsent(row.getString(2), t -> t), texts.computeIfAbsent(row.getString(3), t -> t),
                row.getObject(4, LocalDate.class), row.getDouble(5), klass, count,
                corporation == null ? null : texts.computeIfAbsent(corporation, t -> t));
    }

    /** The households of each registered area in its latest year (null when not known), by code. */
    private Map<String, Integer> latestHouseholds(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = rows("select distinct on (code) code, households from area"
                + " where code = any(?) order by code, year desc", (Object) codes.toArray(String[]::new));
        Map<String, Integer> households = new HashMap<>();
        rows.forEach(r -> households.put((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue()));
        return households;
    }

    /** The colour overrides of these subjects: by subject, then by owner. */
    private Map<String, Map<String, AreaStatus.Override>> overrides(List<String> subjects) {
        Map<String, Map<String, AreaStatus.Override>> overrides = new HashMap<>();
        SqlRows.query(em, "select subject, owner, colour, reason, author, set_at from colour_override where subject = any(?)",
                List.of((Object) subjects.toArray(String[]::new)), row -> overrides.computeIfAbsent(row.getString(1), k -> new TreeMap<>())
                        .put(row.getString(2), new AreaStatus.Override(AreaStatus.Colour.valueOf(row.getString(3)), row.getString(4),
                                row.getString(5), row.getTimestamp(6).toInstant().toString())));
        return overrides;
    }

    /** The rows of a query over plain JDBC, in the current transaction (see {@link SqlRows}). */
    private List<Object[]> rows(String sql, Object... parameters) {
        return SqlRows.query(em, sql, List.of(parameters), SqlRows::columns);
    }

    private int minRespondents() {
        Indicator feeling = kapstok.indicators().get(StatusCalculator.FEELING_AT_HOME);
        return feeling != null && feeling.minRespondents != null ? feeling.minRespondents : settings.minRespondents();
    }

    /**
     * A stored tenant basis. None is stored for a status without tenant figures (the empty basis), nor for one stored
     * before bases were kept: its figures are the admin's only ({@link TenantBasis#LEGACY}) until it is recalculated.
     */
    TenantBasis basis(String text, boolean tenantFigures) {
        if (text == null) {
            return tenantFigures ? TenantBasis.LEGACY : TenantBasis.EMPTY;
        }
        try {
            return json.readValue(text, TenantBasis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored tenant basis is unreadable", e);
        }
    }

    AreaStatus read(String text) {
        try {
            return json.readValue(text, AreaStatus.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored status is unreadable", e);
        }
    }

    private AreaStatus treeToStatus(JsonNode tree) {
        try {
            return json.treeToValue(tree, AreaStatus.class);
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
}
