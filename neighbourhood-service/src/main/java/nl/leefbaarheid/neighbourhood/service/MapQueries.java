package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.api.AreaMap;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * The maps of a municipality or a corporation's working area: one GeoJSON feature per neighbourhood with its simplified
 * boundary and its status as the caller may see it (the tenant figures of its own corporation and of those that share
 * with it, all for the admin: {@link StatusService#forViewer}, as every status read).
 */
@ApplicationScoped
public class MapQueries {

    /** What a map shows. */
    public enum Kind { RESILIENCE, LIVABILITY }

    @Inject
    DataSource dataSource;

    @Inject
    StatusService statuses;

    @Inject
    Access access;

    /** A neighbourhood's latest registration, its latest boundary and its stored status. */
    private static final String MAP = """
            select a.code, a.name, a.year, b.year, b.simplified, b.min_lon, b.min_lat, b.max_lon, b.max_lat,
                   cast(s.status as text), cast(s.tenant_basis as text)
              from (select distinct on (code) code, name, year from area
                     where level = 'NEIGHBOURHOOD' and %s order by code, year desc) a
              left join lateral (select year, simplified, min_lon, min_lat, max_lon, max_lat from area_boundary
                                  where code = a.code order by year desc limit 1) b on true
              left join area_status s on s.subject = a.code
             order by a.code""";

    private record Row(String code, String name, int year, Integer boundaryYear, String geometry, double[] bbox, String status,
            String basis) {
    }

    public AreaMap municipality(String municipality, Kind kind) {
        List<Row> rows = rows(MAP.formatted("code like ?"), List.of("BU" + municipality.substring(2) + "%"));
        if (rows.isEmpty() && rows("select 1 from area where code = ?", List.of(municipality), r -> 1).isEmpty()) {
            throw ProblemException.notFound("municipality", municipality);
        }
        return map(municipality, null, rows, kind);
    }

    /** The neighbourhoods where the corporation has complexes, for those who may read its figures (404 for others). */
    public AreaMap workingArea(String corporation, Kind kind) {
        List<Row> rows = access.mayReadCorporation(corporation) ? rows(MAP.formatted(
                "code in (select neighbourhood_code from housing_complex where corporation_id = ?)"), List.of(corporation)) : List.of();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("working area of corporation", corporation);
        }
        return map(null, corporation, rows, kind);
    }

    private AreaMap map(String municipality, String corporation, List<Row> rows, Kind kind) {
        Set<String> corporations = access.corporations();
        double[] bbox = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        List<AreaMap.Feature> features = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.bbox() != null) {
                for (int i = 0; i < 4; i++) {
                    bbox[i] = i < 2 ? Math.min(bbox[i], row.bbox()[i]) : Math.max(bbox[i], row.bbox()[i]);
                }
            }
            features.add(new AreaMap.Feature("Feature", row.code(), row.geometry(), properties(row, kind, corporations)));
        }
        List<Double> box = bbox[0] == Double.MAX_VALUE ? null : List.of(round(bbox[0]), round(bbox[1]), round(bbox[2]), round(bbox[3]));
        return new AreaMap("FeatureCollection", municipality, corporation, box, features);
    }

    private AreaMap.Properties properties(Row row, Kind kind, Set<String> corporations) {
        if (row.status() == null) {
            return new AreaMap.Properties(row.code(), row.name(), row.year(), row.boundaryYear(), null, null, null, null,
                    kind == Kind.RESILIENCE ? "unknown" : null, null, null, null, null);
        }
        AreaStatus full = statuses.read(row.status());
        TenantBasis basis = statuses.basis(row.basis(), full.tenantExperience() != null);
        AreaStatus seen = statuses.forViewer(full, basis, corporations);
        AreaStatus.Score deviation = seen.livability() == null ? null : seen.livability().deviation();
        Integer livabilityClass = deviation == null ? null : deviation.livabilityClass();
        String label = deviation == null ? null : deviation.label();
        if (kind == Kind.RESILIENCE) {
            AreaStatus.Resilience resilience = seen.resilience();
            String quadrant = resilience == null || resilience.quadrant() == null ? "unknown"
                    : resilience.quadrant().name().toLowerCase().replace('_', '-');
            return new AreaMap.Properties(row.code(), row.name(), row.year(), row.boundaryYear(), livabilityClass, label, null, null,
                    quadrant, null, seen.priority(), null, null);
        }
        Map<String, AreaStatus.Score> dimensions = seen.livability() == null ? Map.of() : seen.livability().dimensions();
        AreaStatus.TenantExperience tenant = seen.tenantExperience();
        String colour = tenant == null || tenant.colour() == null ? null : tenant.colour().name().toLowerCase();
        boolean restricted = corporations != null && !basis.isEmpty() && !corporations.containsAll(basis.owners());
        return new AreaMap.Properties(row.code(), row.name(), row.year(), row.boundaryYear(), livabilityClass, label,
                deviation == null ? null : deviation.score(),
                new AreaMap.DimensionClasses(classOf(dimensions, "won"), classOf(dimensions, "fys"), classOf(dimensions, "vrz"),
                        classOf(dimensions, "soc"), classOf(dimensions, "onv")),
                null, colour, seen.priority(), restricted, seen.fewHouseholds());
    }

    /** Five decimals, as the simplified boundaries. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }

    private static Integer classOf(Map<String, AreaStatus.Score> dimensions, String dimension) {
        AreaStatus.Score score = dimensions == null ? null : dimensions.get(dimension);
        return score == null ? null : score.livabilityClass();
    }

    private List<Row> rows(String sql, List<?> parameters) {
        return rows(sql, parameters, r -> new Row(r.getString(1), r.getString(2), r.getInt(3), r.getObject(4, Integer.class),
                r.getString(5), r.getString(5) == null ? null : new double[] { r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9) },
                r.getString(10), r.getString(11)));
    }

    private <T> List<T> rows(String sql, List<?> parameters, SqlRows.Row<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            return SqlRows.query(connection, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a map failed", e);
        }
    }
}
