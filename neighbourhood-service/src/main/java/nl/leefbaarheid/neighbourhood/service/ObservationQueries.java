package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.api.ObservationView;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * The observations of an area, scoped as its status is: public figures (the Leefbaarometer, CBS-based resilience) for every
 * caller; restricted ones (tenant surveys, own reports, a complex's figures) only for their corporation and those it shares
 * them with ({@link Access}), all of them for the admin.
 */
@ApplicationScoped
public class ObservationQueries {

    /** The owner of an observation: its corporation, or that of its complex. */
    static final String OWNER = "coalesce(o.corporation_id, c.corporation_id)";

    @Inject
    Access access;

    @Inject
    DataSource dataSource;

    /** What a list is filtered by; every part may be null (any). */
    public record Filter(String indicator, String period, String source) {
    }

    /** The area's observations the caller may see, latest period first; 404 when the area was never registered. */
    public Page<ObservationView> list(String areaCode, Filter filter, PageRequest page) {
        Access.Visible visible = access.visible();
        String where = " from observation o left join housing_complex c on c.id = o.complex_id where o.area_code = ?"
                + " and (cast(? as varchar) is null or o.indicator_code = ?) and (cast(? as varchar) is null or o.period = ?)"
                + " and (cast(? as varchar) is null or o.source = ?)"
                + (visible == null ? "" : " and (" + OWNER + " is null or " + OWNER + " = any(" + visible.sql() + "))");
        List<Object> parameters = new ArrayList<>(Arrays.asList(areaCode, filter.indicator(), filter.indicator(), filter.period(),
                filter.period(), filter.source(), filter.source()));
        if (visible != null) {
            parameters.addAll(visible.parameters());
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!SqlRows.query(connection, "select exists (select 1 from area where code = ?)", List.of(areaCode), r -> r.getBoolean(1)).get(0)) {
                throw ProblemException.notFound("area", areaCode);
            }
            long total = SqlRows.query(connection, "select count(*)" + where, parameters, r -> r.getLong(1)).get(0);
            List<Object> paged = new ArrayList<>(parameters);
            paged.add(page.size);
            paged.add((long) page.page * page.size);
            List<ObservationView> items = SqlRows.query(connection, "select o.area_code, c.code, " + OWNER + ", o.indicator_code, o.period,"
                    + " o.value, o.class, o.respondents, o.source, o.recorded_at" + where
                    + " order by o.period_start desc, o.indicator_code, o.source, o.id limit ? offset ?", paged, ObservationQueries::view);
            return Page.of(items, total, page);
        } catch (SQLException e) {
            throw new IllegalStateException("reading observations failed", e);
        }
    }

    private static ObservationView view(ResultSet row) throws SQLException {
        Number livabilityClass = (Number) row.getObject(7);
        Number respondents = (Number) row.getObject(8);
        Timestamp recordedAt = row.getTimestamp(10);
        return new ObservationView(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getDouble(6), livabilityClass == null ? null : livabilityClass.intValue(),
                respondents == null ? null : respondents.intValue(), row.getString(9), recordedAt.toInstant());
    }
}
