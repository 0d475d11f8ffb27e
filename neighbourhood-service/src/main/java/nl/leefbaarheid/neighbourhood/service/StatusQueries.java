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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.api.RankedArea;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import nl.leefbaarheid.neighbourhood.domain.StatusCalculator;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/** Reads statuses: one area with its history, rankings, comparisons and the resilience map. */
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
        Readable readable = current(subject);
        return readable.whole() ? readable.entry().view() : readable.entry().redacted();
    }

    /** The same as the JSON the API answers, written once per stored version (see {@link StatusViewCache}). */
    public byte[] statusJson(String subject) {
        Readable readable = current(subject);
        return readable.whole() ? readable.entry().json() : readable.entry().redactedJson();
    }

    /** A stored status, and whether the caller may see it whole (with its tenant figures). */
    private record Readable(StatusViewCache.Entry entry, boolean whole) {
    }

    /**
     * The cached view when the stored row still has its stamp, else the row read afresh; with the caller's access to its
     * tenant figures, asked in the same query as the stamp. Status reads and rankings use plain JDBC: on these hot reads,
     * building an ORM native query cost several times the database's own work.
     */
    private Readable current(String subject) {
        StatusViewCache.Entry cached = cache.get(subject);
        if (cached != null) {
            Access.Condition tenantFigures = cached.redacted() == null ? Access.Condition.ALWAYS
                    : access.tenantFiguresOf(cached.view().areaCode());
            List<Object> parameters = new ArrayList<>(tenantFigures.parameters());
            parameters.add(subject);
            Checked checked = first(rows(STAMP.formatted(tenantFigures.sql()), parameters,
                    r -> new Checked(stamp(r), r.getBoolean(6))));
            if (checked != null && checked.stamp().equals(cached.stamp())) {
                return new Readable(cached, checked.mayReadTenantFigures());
            }
        }
        StatusViewCache.Entry loaded = first(rows(STATUS, List.of(subject), this::load));
        if (loaded == null) {
            throw ProblemException.notFound("status of area", subject);
        }
        return new Readable(loaded, loaded.redacted() == null || access.mayReadRestrictedOf(loaded.view().areaCode()));
    }

    private record Checked(StatusViewCache.Stamp stamp, boolean mayReadTenantFigures) {
    }

    /** The stamp of a stored status (see {@link StatusViewCache.Stamp}), and an access condition ({@link Access}). */
    private static final String STAMP = """
            select s.version, s.changed_at, s.computed_at, cast(s.provenance ->> 'observations' as integer),
                   (select name from area where code = s.area_code order by year desc limit 1), %s
              from area_status s where s.subject = ?""";

    private static final String STATUS = """
            select s.version, s.changed_at, s.computed_at, cast(s.provenance ->> 'observations' as integer),
                   (select name from area where code = s.area_code order by year desc limit 1),
                   s.subject, s.area_code, s.level, cast(s.status as text)
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
        // complexes are only read by those who may see them; an area's status without tenant figures has nothing to hide
        boolean redactable = !"COMPLEX".equals(level) && status.tenantExperience() != null;
        return cache.put(subject, stamp, view(subject, areaCode, level, stamp, false, status),
                redactable ? view(subject, areaCode, level, stamp, true, redact(status)) : null);
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

    /** The status without tenant figures, for callers who may not see them. */
    static AreaStatus redact(AreaStatus status) {
        return new AreaStatus(status.livability(), status.resilience(), null,
                status.signals().stream().filter(s -> !s.startsWith("tenant-")).toList(), status.priority(), status.fewHouseholds());
    }

    /** Every version of an area's status, newest first. */
    public Page<Map<String, Object>> history(String subject, PageRequest page) {
        status(subject); // 404 when unknown
        boolean restricted = !subject.startsWith("complex:") && !access.mayReadRestrictedOf(subject);
        Number total = (Number) em.createNativeQuery("select count(*) from area_status_history where subject = :s")
                .setParameter("s", subject).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select version, changed_at, cast(changes as text), reason, cast(status as text) from area_status_history
                 where subject = :s order by version desc""").setParameter("s", subject)
                .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("version", ((Number) r[0]).intValue());
            item.put("changedAt", instant(r[1]));
            item.put("changes", readList((String) r[2]));
            item.put("reason", r[3]);
            AreaStatus status = statuses.read((String) r[4]);
            item.put("status", restricted ? redact(status) : status);
            items.add(item);
        }
        long count = total.longValue();
        return new Page<>(items, page.page, page.size, count, (int) ((count + page.size - 1) / page.size));
    }

    /**
     * The areas of a municipality (or a corporation's working area) ranked: by priority, highest first, or by
     * the score of the deviation or a dimension, weakest first. Areas with few households come last.
     */
    public Page<RankedArea> ranking(String municipality, String corporation, AreaLevel level, String by, PageRequest page) {
        String value = by.equals("priority") ? "s.priority"
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
            where = "s.level = ? and s.subject in (select neighbourhood_code from housing_complex where corporation_id = ?)";
            params.add(corporation);
        }
        String select = """
                select s.area_code, (select name from area where code = s.area_code order by year desc limit 1),
                       %s, cast(%s ->> 'class' as integer), %s ->> 'label', s.status -> 'resilience' ->> 'quadrant',
                       s.priority, coalesce(cast(s.status ->> 'fewHouseholds' as boolean), false), count(*) over ()
                  from area_status s where %s and %s is not null
                 order by coalesce(cast(s.status ->> 'fewHouseholds' as boolean), false), %s %s, s.area_code
                 limit ? offset ?"""
                .formatted(value, classOf, classOf, where, value, value, order);
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size);
        paged.add(page.page * page.size);
        long[] total = { 0 };
        int[] rank = { page.page * page.size };
        List<RankedArea> items = rows(select, paged, r -> {
            total[0] = r.getLong(9);
            return new RankedArea(++rank[0], r.getString(1), r.getString(2), decimal(r, 3), r.getObject(4, Integer.class),
                    r.getString(5), r.getString(6), decimal(r, 7), r.getBoolean(8));
        });
        // the total comes with the page (one round trip); only a page past the end needs counting on its own
        if (items.isEmpty() && page.page > 0) {
            total[0] = rows("select count(*) from area_status s where " + where + " and " + value + " is not null", params,
                    r -> r.getLong(1)).get(0);
        }
        return new Page<>(items, page.page, page.size, total[0], (int) ((total[0] + page.size - 1) / page.size));
    }

    /**
     * The neighbourhoods of a municipality as GeoJSON features without geometry: a front-end joins them on
     * the CBS code with the neighbourhood boundaries of that year to draw the resilience map.
     */
    public Map<String, Object> resilienceMap(String municipality) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select a.code, a.name, cast(s.status -> 'livability' -> 'deviation' ->> 'class' as integer),
                       s.status -> 'livability' -> 'deviation' ->> 'label', s.status -> 'resilience' ->> 'quadrant',
                       s.priority, a.year
                  from (select distinct on (code) code, name, year from area
                         where level = 'NEIGHBOURHOOD' and code like :prefix order by code, year desc) a
                  left join area_status s on s.subject = a.code
                 order by a.code""").setParameter("prefix", "BU" + municipality.substring(2) + "%").getResultList();
        if (rows.isEmpty() && em.createNativeQuery("select 1 from area where code = :c").setParameter("c", municipality)
                .getResultList().isEmpty()) {
            throw ProblemException.notFound("municipality", municipality);
        }
        List<Map<String, Object>> features = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", r[0]);
            properties.put("name", r[1]);
            properties.put("year", r[6]);
            properties.put("class", r[2]);
            properties.put("label", r[3]);
            properties.put("quadrant", r[4] == null ? "unknown" : r[4]);
            properties.put("priority", r[5] == null ? null : ((Number) r[5]).doubleValue());
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", r[0]);
            feature.put("geometry", null);
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "FeatureCollection");
        map.put("municipality", municipality);
        map.put("features", features);
        return map;
    }

    public Map<String, Object> workingArea(String corporationId) {
        @SuppressWarnings("unchecked")
        List<String> neighbourhoods = em.createNativeQuery(
                "select distinct neighbourhood_code from housing_complex where corporation_id = :c order by 1")
                .setParameter("c", corporationId).getResultList();
        if (neighbourhoods.isEmpty()) {
            throw ProblemException.notFound("working area of corporation", corporationId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("corporationId", corporationId);
        answer.put("neighbourhoods", neighbourhoods);
        answer.put("status", statuses.workingArea(corporationId));
        return answer;
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
