package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.StringReader;
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
import org.postgresql.PGConnection;

/**
 * Stores observations in bulk: one statement per few thousand rows. A row whose subject, indicator, period
 * and source exist already replaces the value; only rows that really changed are reported back, so that only
 * their areas are recalculated. A file of public figures (the Leefbaarometer) goes in faster still ({@link #fileLoad}). Removes
 * observations by source (a withdrawn measurement's).
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

    /** The public figures of a file, copied in as it is read; the same columns as {@code observation}. */
    static final String STAGING = """
            create temp table observation_load (area_code varchar(10), indicator_code varchar(80), period varchar(7),
                                                period_start date, value numeric, class smallint) on commit drop""";

    /**
     * The loaded rows that differ from those stored (values compared as {@link #UPSERT} does); rows of a complex or a
     * corporation are never a file's. The unique key's index finds them.
     */
    static final String LOAD_UPDATE = """
            with changed as (
              update observation o set value = l.value, class = l.class, respondents = null, corporation_id = null, recorded_at = now()
                from observation_load l
               where o.area_code = l.area_code and coalesce(o.complex_id, 0) = 0 and o.indicator_code = l.indicator_code
                 and o.period = l.period and o.source = ?
                 and (o.value, o.class, o.respondents, o.corporation_id) is distinct from (l.value, l.class, null::integer, null::varchar)
              returning o.area_code)
            select area_code, count(*) from changed group by area_code""";

    /**
     * The loaded rows not stored yet: a plain insert, without the cost of {@code on conflict} (a third more than the
     * insert itself for a national file), safe because only this load writes rows of its source while it holds the
     * source's lock.
     */
    static final String LOAD_INSERT = """
            with added as (
              insert into observation (area_code, indicator_code, period, period_start, value, class, source, recorded_at)
              select l.area_code, l.indicator_code, l.period, l.period_start, l.value, l.class, ?, now()
                from observation_load l
               where not exists (select 1 from observation o where o.area_code = l.area_code and coalesce(o.complex_id, 0) = 0
                                    and o.indicator_code = l.indicator_code and o.period = l.period and o.source = ?)
              returning area_code)
            select area_code, count(*) from added group by area_code""";

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

    /**
     * A load of the public figures of one source from a file (no complexes, corporations or respondents), copied in as the
     * rows come ({@link FileLoad#add}, PostgreSQL's COPY): the rows of areas that have none of the source yet (a first
     * import of them) straight into {@code observation}, as fast as PostgreSQL stores rows at all; the others into a
     * temporary table, stored with two set-based statements at the end ({@link FileLoad#finish}). One load of a source at a
     * time: a second waits until the first has committed.
     */
    @Transactional(TxType.MANDATORY)
    public FileLoad fileLoad(String source) {
        SqlRows.query(em, "select pg_advisory_xact_lock(hashtext('observation-source'), hashtext(?))", List.of(source), row -> 1);
        SqlRows.update(em, STAGING, List.of());
        // as now() in the statements of the staged rows: when the transaction started
        String now = SqlRows.query(em, "select cast(now() as text)", List.of(), row -> row.getString(1)).get(0);
        return new FileLoad(source, now);
    }

    /** See {@link #fileLoad}: one per transaction, finished once, in the transaction that made it. */
    public final class FileLoad {
        private final String source;
        private final String now;
        private final Set<String> copied = new HashSet<>();
        private int copiedRows;
        private int stagedRows;

        private FileLoad(String source, String now) {
            this.source = source;
            this.now = now;
        }

        /**
         * Copies these observations into the load (their source is the load's).
         *
         * @return the areas among them that had none of the source before this load: copied straight into {@code observation}
         */
        public Set<String> add(List<NewObservation> observations) {
            if (observations.isEmpty()) {
                return Set.of();
            }
            Set<String> stored = new HashSet<>(SqlRows.query(em, "select distinct area_code from observation where area_code = any(?) and source = ?",
                    List.of(observations.stream().map(NewObservation::areaCode).distinct().toArray(String[]::new), source), row -> row.getString(1)));
            stored.removeAll(copied); // rows of this load: the file has each area and year once
            StringBuilder straight = new StringBuilder();
            StringBuilder staged = new StringBuilder();
            Set<String> firsts = new HashSet<>();
            for (NewObservation o : observations) {
                boolean first = !stored.contains(o.areaCode());
                // codes, indicators and periods are checked before they get here: no tab, newline or backslash to escape
                (first ? straight : staged).append(o.areaCode()).append('\t').append(o.indicator()).append('\t').append(o.period())
                        .append('\t').append(o.periodStart()).append('\t').append(BigDecimal.valueOf(o.value())).append('\t')
                        .append(o.livabilityClass() == null ? "\\N" : o.livabilityClass().toString())
                        .append(first ? "\t" + source + "\t" + now + "\n" : "\n");
                if (first) {
                    copied.add(o.areaCode());
                    firsts.add(o.areaCode());
                    copiedRows++;
                } else {
                    stagedRows++;
                }
            }
            copy("copy observation (area_code, indicator_code, period, period_start, value, class, source, recorded_at) from stdin", straight);
            copy("copy observation_load from stdin", staged);
            return firsts;
        }

        private void copy(String sql, StringBuilder text) {
            if (text.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
                } catch (IOException e) {
                    throw new SQLException("copying observations failed", e);
                }
            });
        }

        /**
         * Stores what was staged: rows new or different from those stored; those that are the same change nothing. The
         * answer counts the rows copied straight in too.
         */
        public Changed finish() {
            Set<String> areas = new HashSet<>(copied);
            int[] count = { copiedRows };
            if (stagedRows > 0) {
                SqlRows.update(em, "analyze observation_load", List.of()); // a temporary table has no statistics of its own
                SqlRows.Row<Void> changed = row -> {
                    areas.add(row.getString(1));
                    count[0] += row.getInt(2);
                    return null;
                };
                SqlRows.query(em, LOAD_UPDATE, List.of(source), changed);
                SqlRows.query(em, LOAD_INSERT, List.of(source, source), changed);
            }
            return new Changed(areas, Set.of(), count[0]);
        }
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
