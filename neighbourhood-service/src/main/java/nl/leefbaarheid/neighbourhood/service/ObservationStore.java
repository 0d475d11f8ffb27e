package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.hibernate.Session;

/**
 * Stores observations in bulk: one statement per few thousand rows. A row whose subject, indicator, period
 * and source exist already replaces the value; only rows that really changed are reported back, so that only
 * their areas are recalculated. Removes them by source (a withdrawn measurement's).
 */
@ApplicationScoped
public class ObservationStore {

    static final int CHUNK = 5_000;

    static final String UPSERT = """
            insert into observation (area_code, complex_id, corporation_id, indicator_code, period, period_start, value,
                                     class, respondents, source, recorded_at)
            select a, c, corp, i, p, ps, v, k, r, s, now()
              from unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::numeric[],
                          ?::smallint[], ?::integer[], ?::varchar[]) as t(a, c, corp, i, p, ps, v, k, r, s)
            on conflict (area_code, coalesce(complex_id, 0), indicator_code, period, source) do update
               set value = excluded.value, class = excluded.class, respondents = excluded.respondents,
                   corporation_id = excluded.corporation_id, recorded_at = excluded.recorded_at
             where (observation.value, observation.class, observation.respondents, observation.corporation_id)
                   is distinct from (excluded.value, excluded.class, excluded.respondents, excluded.corporation_id)
            returning area_code, complex_id
            """;

    @Inject
    EntityManager em;

    /** An observation to store. */
    public record NewObservation(String areaCode, Long complexId, String corporationId, String indicator, String period,
            LocalDate periodStart, double value, Integer livabilityClass, Integer respondents, String source) {
    }

    /** What changed: the neighbourhoods and complexes whose observations are new or different. */
    public record Changed(Set<String> areaCodes, Set<Long> complexIds, int observations) {
        public boolean isEmpty() {
            return areaCodes.isEmpty() && complexIds.isEmpty();
        }
    }

    /** Where an observation is kept: its area and its source (e.g. {@code measurement:<id>}). */
    public record Source(String areaCode, String source) {
    }

    /** Removes the observations of these sources in their areas (of a complex there, too); reports what was removed. */
    @Transactional(TxType.MANDATORY)
    public Changed remove(List<Source> sources) {
        Set<String> areas = new HashSet<>();
        Set<Long> complexes = new HashSet<>();
        if (sources.isEmpty()) {
            return new Changed(areas, complexes, 0);
        }
        List<Integer> removed = SqlRows.query(em, """
                delete from observation o using unnest(?::varchar[], ?::varchar[]) as x(area, source)
                 where o.area_code = x.area and o.source = x.source
                returning o.area_code, o.complex_id""",
                List.of(sources.stream().map(Source::areaCode).toArray(String[]::new), sources.stream().map(Source::source).toArray(String[]::new)),
                row -> {
                    areas.add(row.getString(1));
                    long complexId = row.getLong(2);
                    if (!row.wasNull()) {
                        complexes.add(complexId);
                    }
                    return 1;
                });
        return new Changed(areas, complexes, removed.size());
    }

    @Transactional(TxType.MANDATORY)
    public Changed store(List<NewObservation> observations) {
        Set<String> areas = new HashSet<>();
        Set<Long> complexes = new HashSet<>();
        int[] count = { 0 };
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < observations.size(); from += CHUNK) {
                count[0] += upsert(connection, observations.subList(from, Math.min(observations.size(), from + CHUNK)), areas, complexes);
            }
        });
        return new Changed(areas, complexes, count[0]);
    }

    /** @return the number of rows that were new or different */
    private static int upsert(Connection connection, List<NewObservation> rows, Set<String> areas, Set<Long> complexes)
            throws SQLException {
        int n = rows.size();
        String[] area = new String[n];
        Long[] complex = new Long[n];
        String[] corporation = new String[n];
        String[] indicator = new String[n];
        String[] period = new String[n];
        Date[] start = new Date[n];
        BigDecimal[] value = new BigDecimal[n];
        Short[] livabilityClass = new Short[n];
        Integer[] respondents = new Integer[n];
        String[] source = new String[n];
        for (int i = 0; i < n; i++) {
            NewObservation o = rows.get(i);
            area[i] = o.areaCode();
            complex[i] = o.complexId();
            corporation[i] = o.corporationId();
            indicator[i] = o.indicator();
            period[i] = o.period();
            start[i] = Date.valueOf(o.periodStart());
            value[i] = BigDecimal.valueOf(o.value());
            livabilityClass[i] = o.livabilityClass() == null ? null : o.livabilityClass().shortValue();
            respondents[i] = o.respondents();
            source[i] = o.source();
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            Array[] arrays = { connection.createArrayOf("varchar", area), connection.createArrayOf("bigint", complex),
                    connection.createArrayOf("varchar", corporation), connection.createArrayOf("varchar", indicator),
                    connection.createArrayOf("varchar", period), connection.createArrayOf("date", start),
                    connection.createArrayOf("numeric", value), connection.createArrayOf("smallint", livabilityClass),
                    connection.createArrayOf("integer", respondents), connection.createArrayOf("varchar", source) };
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            int count = 0;
            try (ResultSet changed = statement.executeQuery()) {
                while (changed.next()) {
                    count++;
                    areas.add(changed.getString(1));
                    long complexId = changed.getLong(2);
                    if (!changed.wasNull()) {
                        complexes.add(complexId);
                    }
                }
            }
            return count;
        }
    }
}
