package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.api.RankedArea;
import nl.leefbaarheid.neighbourhood.api.StatusVersion;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.api.WorkingArea;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/** Reads statuses: one area with its history, rankings and comparisons (the maps: {@link MapQueries}). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class StatusQueries {

    /** What a ranking can be ordered by. */
    public static final List<String> RANK_BY = List.of("priority", "deviation", "won", "fys", "vrz", "soc", "onv");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    StatusService statuses;

    @Inject
    Access access;

    @Inject
    DataSource dataSource;

    @Inject
    StatusViewCache cache;

    /** The status of an area or complex as the caller may see it. */
    public StatusView status(String subject) {
        return visible(current(subject)).view();
    }

    /** The same as the JSON the API answers, written once per stored version (see {@link StatusViewCache}). */
    public byte[] statusJson(String subject) {
        Visible visible = visible(current(subject));
        return visible.json() != null ? visible.json() : cache.write(visible.view());
    }

    /** A status as the caller sees it, and its JSON when that is cached (a view of its own is written when asked). */
    private record Visible(StatusView view, byte[] json) {
    }

    /**
     * The cached view when the stored row still has its stamp, else the row read afresh. When the status holds tenant
     * figures, the same query reads whose figures the caller may see ({@link Access#sharing}): one round trip. Status
     * reads and rankings use plain JDBC: on these hot reads, building an ORM native query cost several times the
     * database's own work.
     */
    private StatusViewCache.Entry current(String subject) {
        StatusViewCache.Entry cached = cache.get(subject);
        if (cached != null) {
            Optional<List<String>> sharing = cached.basis().isEmpty() ? Optional.empty() : access.sharing();
            List<Object> parameters = new ArrayList<>(sharing.orElse(List.of()));
            parameters.add(subject);
            StatusViewCache.Stamp stamp = first(rows(STAMP.formatted(sharing.isPresent() ? Access.SHARING : "null"), parameters, r -> {
                if (sharing.isPresent()) {
                    access.sharedBy(r.getArray(6));
                }
                return stamp(r);
            }));
            if (stamp != null && stamp.equals(cached.stamp())) {
                return cached;
            }
        }
        StatusViewCache.Entry loaded = first(rows(STATUS, List.of(subject), this::load));
        if (loaded == null) {
            throw ProblemException.notFound("status of area", subject);
        }
        return loaded;
    }

    /** The whole status, the public one, or (seeing some of its owners' tenant figures) the caller's own. */
    private Visible visible(StatusViewCache.Entry entry) {
        if (entry.publicView() == null) {
            return new Visible(entry.view(), entry.json());
        }
        Set<String> corporations = access.corporations();
        Set<String> owners = entry.basis().owners();
        if (corporations == null || corporations.containsAll(owners)) {
            return new Visible(entry.view(), entry.json());
        }
        if (Collections.disjoint(corporations, owners)) {
            return new Visible(entry.publicView(), entry.publicJson());
        }
        StatusView full = entry.view();
        return new Visible(view(full.subject() == null ? full.areaCode() : full.subject(), full.areaCode(), full.level().toUpperCase(),
                entry.stamp(), true, statuses.forViewer(full.status(), entry.basis(), corporations)), null);
    }

    /** The stamp of a stored status (see {@link StatusViewCache.Stamp}), and the caller's shares when asked ({@link Access}). */
    private static final String STAMP = """
            select s.version, s.changed_at, s.computed_at, cast(s.provenance ->> 'observations' as integer),
                   (select name from area where code = s.area_code order by year desc limit 1), %s
              from area_status s where s.subject = ?""";

    private static final String STATUS = """
            select s.version, s.changed_at, s.computed_at, cast(s.provenance ->> 'observations' as integer),
                   (select name from area where code = s.area_code order by year desc limit 1),
                   s.subject, s.area_code, s.level, cast(s.status as text), cast(s.tenant_basis as text)
              from area_status s where s.subject = ?""";

    private static StatusViewCache.Stamp stamp(ResultSet r) throws SQLException {
        return new StatusViewCache.Stamp(r.getInt(1), r.getObject(2, OffsetDateTime.class).toInstant(),
                r.getObject(3, OffsetDateTime.class).toInstant(), r.getObject(4, Integer.class), r.getString(5));
    }

    private StatusViewCache.Entry load(ResultSet r) throws SQLException {
        StatusViewCache.Stamp stamp = stamp(r);
        String subject = r.getString(6);
        String areaCode = r.getString(7);
        String level = r.getString(8);
        AreaStatus status = statuses.read(r.getString(9));
        TenantBasis basis = statuses.basis(r.getString(10), status.tenantExperience() != null);
        return cache.put(subject, stamp, view(subject, areaCode, level, stamp, false, status), basis.isEmpty() ? null
                : view(subject, areaCode, level, stamp, true, statuses.forViewer(status, basis, Set.of())), basis);
    }

    private static StatusView view(String subject, String areaCode, String level, StatusViewCache.Stamp stamp, boolean restricted,
            AreaStatus status) {
        return new StatusView(areaCode, "COMPLEX".equals(level) ? subject : null, level.toLowerCase(), stamp.name(), stamp.version(),
                stamp.changedAt(), stamp.computedAt(), stamp.observations(), restricted, status);
    }

    private static <T> T first(List<T> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    private <T> List<T> rows(String sql, List<?> parameters, SqlRows.Row<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            return SqlRows.query(connection, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("reading statuses failed", e);
        }
    }

    /**
     * Every version of an area's status, newest first, each as the caller may see it: also the versions stored before a
     * corporation's figures it may not see arrived. For a caller who does not see a version whole, its changes are those
     * between what it sees of that version and of the one before.
     */
    public Page<StatusVersion> history(String subject, PageRequest page) {
        status(subject); // 404 when unknown
        Set<String> corporations = access.corporations();
        long total = rows("select count(*) from area_status_history where subject = ?", List.of(subject), r -> r.getLong(1)).get(0);
        // one version more than the page: the one before its last, which that last one's changes are counted from
        List<Object[]> rows = rows("""
                select version, changed_at, cast(changes as text), reason, cast(status as text), cast(tenant_basis as text)
                  from area_status_history where subject = ? order by version desc limit ? offset ?""",
                List.of(subject, page.size + 1, page.page * page.size), SqlRows::columns);
        List<AreaStatus> seen = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        for (Object[] r : rows) {
            AreaStatus status = statuses.read((String) r[4]);
            AreaStatus visible = statuses.forViewer(status, statuses.basis((String) r[5], status.tenantExperience() != null), corporations);
            seen.add(visible);
            whole.add(visible == status);
        }
        List<StatusVersion> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), page.size); i++) {
            Object[] r = rows.get(i);
            boolean seenWhole = whole.get(i) && (i + 1 >= rows.size() || whole.get(i + 1));
            List<String> changes = seenWhole ? readList((String) r[2])
                    : StatusService.changes(i + 1 < rows.size() ? json.valueToTree(seen.get(i + 1)) : null, json.valueToTree(seen.get(i)));
            items.add(new StatusVersion(((Number) r[0]).intValue(), instant(r[1]), changes, (String) r[3], seen.get(i)));
        }
        return Page.of(items, total, page);
    }

    /**
     * The areas of a municipality (or a corporation's working area) ranked: by priority, highest first, or by
     * the score of the deviation or a dimension, weakest first. Areas with few households come last. The priority is the
     * one the caller may see: in SQL the stored one when it may see all of an area's tenant owners, the public one when
     * it sees none of them; when the caller sees some of an area's owners but not all, its priority there is computed from
     * the area's tenant basis and the ranking is ordered here (a municipality has at most a few hundred neighbourhoods).
     */
    public Page<RankedArea> ranking(String municipality, String corporation, AreaLevel level, String by, PageRequest page) {
        // whose tenant figures the caller may see, read in the same query (v.c); the admin sees every priority whole
        Access.Visible visible = access.visible();
        // v.none (the caller sees no one's) first: most callers without shares then compare no arrays at all
        String priority = visible == null ? "s.priority" : "(case when v.none then s.public_priority when s.tenant_owners <@ v.c"
                + " then s.priority when not s.tenant_owners && v.c then s.public_priority end)";
        String value = by.equals("priority") ? priority
                : by.equals("deviation") ? "cast(s.status -> 'livability' -> 'deviation' ->> 'score' as numeric)"
                : "cast(s.status -> 'livability' -> 'dimensions' -> '" + by + "' ->> 'score' as numeric)";
        String classOf = by.equals("priority") || by.equals("deviation") ? "s.status -> 'livability' -> 'deviation'"
                : "s.status -> 'livability' -> 'dimensions' -> '" + by + "'";
        String order = by.equals("priority") ? "desc" : "asc";
        String where;
        List<Object> params = new ArrayList<>();
        params.add(level.name());
        if (municipality != null) {
            where = "s.level = ? and s.subject like ?";
            params.add(level.prefix() + municipality.substring(2) + "%");
        } else {
            where = "s.level = ? and s.subject in (select neighbourhood_code from housing_complex where corporation_id = ? and "
                    + HousingComplex.CURRENT + ")";
            params.add(corporation);
        }
        // a row whose priority the caller sees only in part: its status and basis, to compute that priority from
        String partly = visible == null ? "false" : "not v.none and s.tenant_owners && v.c and not s.tenant_owners <@ v.c";
        String known = by.equals("priority") ? "s.priority" : value; // null where nothing is known, whoever asks
        String select = """
                select s.area_code, (select name from area where code = s.area_code order by year desc limit 1),
                       %s, cast(%s ->> 'class' as integer), %s ->> 'label', s.status -> 'resilience' ->> 'quadrant',
                       %s, coalesce(cast(s.status ->> 'fewHouseholds' as boolean), false), count(*) over (), bool_or(%s) over ()%%s
                  from area_status s%s where %s and %s is not null
                 order by coalesce(cast(s.status ->> 'fewHouseholds' as boolean), false), %s %s nulls last, s.area_code"""
                .formatted(value, classOf, classOf, priority, partly, visible == null ? ""
                        : " cross join (select c, cardinality(c) = 0 as none from (select " + visible.sql() + " as c) x) v",
                        where, known, value, order);
        // the rows the caller sees in part, with their status and basis: only read when there are any
        String withBases = select.formatted(", case when %s then cast(s.status as text) end, case when %s then cast(s.tenant_basis as text) end"
                .formatted(partly, partly));
        List<Object> parameters = new ArrayList<>(visible == null ? List.of() : visible.parameters());
        parameters.addAll(params);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(page.size);
        paged.add(page.page * page.size);
        int[] rank = { page.page * page.size };
        List<Ranked> rows = rows(select.formatted("") + " limit ? offset ?", paged, r -> ranked(r, rank, false));
        if (!rows.isEmpty() && rows.get(0).partly()) {
            // the caller sees some area's tenant figures in part: every area's priority as it sees it, ordered here
            rank[0] = 0;
            Comparator<Ranked> ordering = Comparator.comparing((Ranked r) -> r.area().fewHouseholds());
            Comparator<Double> values = order.equals("desc") ? Comparator.reverseOrder() : Comparator.naturalOrder();
            ordering = ordering.thenComparing(r -> r.area().value(), Comparator.nullsLast(values)).thenComparing(r -> r.area().areaCode());
            Set<String> corporations = access.corporations();
            List<Ranked> all = rows(withBases, parameters, r -> ranked(r, rank, true)).stream().map(r -> seenInPart(r, by, corporations))
                    .sorted(ordering).toList();
            List<RankedArea> items = new ArrayList<>();
            for (int i = page.page * page.size; i < Math.min(all.size(), (page.page + 1) * page.size); i++) {
                RankedArea a = all.get(i).area();
                items.add(new RankedArea(i + 1, a.areaCode(), a.name(), a.value(), a.livabilityClass(), a.label(), a.quadrant(),
                        a.priority(), a.fewHouseholds()));
            }
            return Page.of(items, all.size(), page);
        }
        long total = rows.isEmpty() ? 0 : rows.get(0).total();
        // the total comes with the page (one round trip); only a page past the end needs counting on its own
        if (rows.isEmpty() && page.page > 0) {
            total = rows("select count(*) from area_status s where " + where + " and " + known + " is not null", params,
                    r -> r.getLong(1)).get(0);
        }
        return Page.of(rows.stream().map(Ranked::area).toList(), total, page);
    }

    /** A ranked row, and (when the caller sees its tenant owners in part) its status and basis. */
    private record Ranked(RankedArea area, long total, String status, String basis, boolean partly) {
    }

    private static Ranked ranked(ResultSet r, int[] rank, boolean withBases) throws SQLException {
        return new Ranked(new RankedArea(++rank[0], r.getString(1), r.getString(2), decimal(r, 3), r.getObject(4, Integer.class),
                r.getString(5), r.getString(6), decimal(r, 7), r.getBoolean(8)), r.getLong(9),
                withBases ? r.getString(11) : null, withBases ? r.getString(12) : null, r.getBoolean(10));
    }

    /** A row with its priority as the caller sees it, where it sees the tenant owners in part. */
    private Ranked seenInPart(Ranked row, String by, Set<String> corporations) {
        if (row.status() == null) {
            return row;
        }
        Double priority = statuses.forViewer(row.status(), row.basis(), corporations).priority();
        RankedArea a = row.area();
        return new Ranked(new RankedArea(a.rank(), a.areaCode(), a.name(), by.equals("priority") ? priority : a.value(),
                a.livabilityClass(), a.label(), a.quadrant(), priority, a.fewHouseholds()), row.total(), null, null, true);
    }

    public WorkingArea workingArea(String corporationId) {
        @SuppressWarnings("unchecked")
        List<String> neighbourhoods = em.createNativeQuery(
                "select distinct neighbourhood_code from housing_complex where corporation_id = :c and " + HousingComplex.CURRENT + " order by 1")
                .setParameter("c", corporationId).getResultList();
        if (neighbourhoods.isEmpty()) {
            throw ProblemException.notFound("working area of corporation", corporationId);
        }
        return new WorkingArea(corporationId, neighbourhoods, statuses.workingArea(corporationId, access.corporations()));
    }

    private static Double decimal(ResultSet row, int column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.sql.Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
    }

    private List<String> readList(String text) {
        try {
            return List.of(json.readValue(text, String[].class));
        } catch (Exception e) {
            return List.of();
        }
    }
}
