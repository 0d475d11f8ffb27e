package nl.leefbaarheid.neighbourhood.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.leefbaarheid.neighbourhood.api.BoundaryImportResult;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.ImportProgress;
import nl.leefbaarheid.neighbourhood.geo.Boundary;
import nl.leefbaarheid.neighbourhood.geo.BoundaryFile;
import nl.leefbaarheid.neighbourhood.geo.Crs;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.sql.SqlRows;

/**
 * Imports the boundaries of a year's areas. The file streams through: each feature is read, reprojected, validated and
 * simplified, and written in batches in one transaction, so memory holds one feature and one batch, never the file. All or
 * nothing: one bad feature (no code, a code not registered for the year, an invalid geometry) rolls everything back, and
 * the answer names every bad feature.
 */
@ApplicationScoped
public class BoundaryService {

    /** Bad features listed in a refusal (all are counted). */
    static final int MAX_LISTED = 200;
    private static final int BATCH = 200;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A change of a boundary, written at the end of a batch. */
    private record Write(String code, AreaLevel level, Boundary boundary) {
    }

    /**
     * Reads a boundary file up to its first feature, so that a body that is no GeoJSON FeatureCollection is refused (400)
     * before it becomes an import job.
     */
    public void checkStart(Reader body) {
        try (BoundaryFile file = new BoundaryFile(body, json)) {
            file.declared();
        } catch (BoundaryFile.NotAFeatureCollection e) {
            throw ProblemException.invalid("body", e.getMessage());
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a boundary file in the caller's transaction (an import answered at once or an import job, see
     * {@link ImportJobs}), reporting features read and stored as it goes.
     */
    @Transactional(TxType.MANDATORY)
    public BoundaryImportResult importFile(int year, Reader body, ImportProgress progress) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection(); BoundaryFile file = new BoundaryFile(body, json)) {
            Map<String, AreaLevel> registered = new HashMap<>();
            SqlRows.query(connection, "select code, level from area where year = ?", List.of(year),
                    r -> registered.put(r.getString(1), AreaLevel.valueOf(r.getString(2))));
            if (registered.isEmpty()) {
                throw ProblemException.unprocessable("No area is registered for " + year + ": register the areas of the year first.",
                        List.of(new Problem.FieldError("year", "no area is registered for " + year)));
            }
            Map<String, String> stored = new HashMap<>();
            SqlRows.query(connection, "select code, digest from area_boundary where year = ?", List.of(year),
                    r -> stored.put(r.getString(1), r.getString(2)));

            Map<AreaLevel, int[]> counts = new EnumMap<>(AreaLevel.class);
            for (AreaLevel level : AreaLevel.values()) {
                counts.put(level, new int[3]);
            }
            List<Problem.FieldError> refused = new ArrayList<>();
            int bad = 0;
            Set<String> seen = new HashSet<>();
            List<Write> batch = new ArrayList<>();
            Crs.ToWgs84 rdNew = new Crs.ToWgs84();
            Crs crs = file.declared();
            long points = 0;
            long simplifiedPoints = 0;
            int features = 0;
            int written = 0;
            for (BoundaryFile.Feature feature = file.next(); feature != null; feature = file.next()) {
                features++;
                progress.rows(features, written);
                String reason = null;
                Boundary boundary = null;
                AreaLevel level = feature.code() == null ? null : registered.get(feature.code());
                if (feature.refused() != null) {
                    reason = feature.refused();
                } else if (level == null) {
                    reason = "unknown code: " + feature.code() + " is not a registered area for " + year;
                } else if (!seen.add(feature.code())) {
                    reason = "duplicate code: " + feature.code() + " has a feature before this one";
                } else {
                    try {
                        boundary = Boundary.of(feature.geometry(), file.declared(), rdNew);
                    } catch (Boundary.Refused e) {
                        reason = e.getMessage();
                    }
                }
                if (reason != null) {
                    if (bad++ < MAX_LISTED) {
                        refused.add(new Problem.FieldError("features[" + feature.index() + "]",
                                (feature.code() == null ? "" : feature.code() + ": ") + reason));
                    }
                    continue;
                }
                if (crs == null) {
                    crs = boundary.crs();
                }
                points += boundary.geometry().points();
                simplifiedPoints += boundary.simplified().points();
                String digest = stored.get(feature.code());
                int kind = digest == null ? 0 : digest.equals(boundary.digest()) ? 2 : 1;
                counts.get(level)[kind]++;
                if (kind != 2 && bad == 0) {
                    batch.add(new Write(feature.code(), level, boundary));
                    if (batch.size() == BATCH) {
                        written += batch.size();
                        write(connection, year, batch);
                    }
                }
            }
            if (bad > 0) {
                throw ProblemException.unprocessable(bad + " of " + features + " features cannot be imported; nothing was stored"
                        + (bad > MAX_LISTED ? " (the first " + MAX_LISTED + " are listed)." : "."), refused);
            }
            progress.rows(features, written + batch.size());
            write(connection, year, batch);
            return new BoundaryImportResult(year, crs == Crs.WGS84 ? "EPSG:4326" : "EPSG:28992", features, points, simplifiedPoints,
                    counted(counts.get(AreaLevel.MUNICIPALITY)), counted(counts.get(AreaLevel.DISTRICT)),
                    counted(counts.get(AreaLevel.NEIGHBOURHOOD)));
        } catch (BoundaryFile.NotAFeatureCollection e) {
            throw ProblemException.invalid("body", e.getMessage());
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    private static BoundaryImportResult.LevelCounts counted(int[] counts) {
        return new BoundaryImportResult.LevelCounts(counts[0], counts[1], counts[2]);
    }

    private static final String UPSERT = """
            insert into area_boundary (code, year, level, geometry, simplified, points, simplified_points,
                                       min_lon, min_lat, max_lon, max_lat, digest)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code, year) do update set level = excluded.level, geometry = excluded.geometry,
                simplified = excluded.simplified, points = excluded.points, simplified_points = excluded.simplified_points,
                min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat,
                digest = excluded.digest, imported_at = now()""";

    private static void write(Connection connection, int year, List<Write> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Write w : batch) {
                Boundary b = w.boundary();
                upsert.setString(1, w.code());
                upsert.setInt(2, year);
                upsert.setString(3, w.level().name());
                upsert.setString(4, b.geometry().geoJson());
                upsert.setString(5, b.simplified().geoJson());
                upsert.setInt(6, b.geometry().points());
                upsert.setInt(7, b.simplified().points());
                upsert.setDouble(8, b.bbox().getMinX());
                upsert.setDouble(9, b.bbox().getMinY());
                upsert.setDouble(10, b.bbox().getMaxX());
                upsert.setDouble(11, b.bbox().getMaxY());
                upsert.setString(12, b.digest());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        batch.clear();
    }
}
