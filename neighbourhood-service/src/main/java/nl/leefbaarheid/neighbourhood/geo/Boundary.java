package nl.leefbaarheid.neighbourhood.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The boundary of an area in WGS84 (and the system its coordinates came in): its full geometry, a simplified one for overview maps (fewer points, topology kept:
 * no ring crosses itself or its holes), its bounding box and a digest of the full geometry (an import of the same file
 * again changes nothing). Built from a GeoJSON Polygon or MultiPolygon in RD New or WGS84 and validated with JTS.
 */
public record Boundary(Crs crs, Polygonal geometry, Polygonal simplified, Envelope bbox, String digest) {

    /**
     * Points closer than this (in degrees: about 7 m east-west and 11 m north-south at Dutch latitudes) are merged on
     * overview maps, where a neighbourhood is a few hundred pixels wide at most.
     */
    public static final double SIMPLIFY_TOLERANCE = 0.0001;
    /** Decimals kept: 6 (about 0.1 m) for the full geometry, 5 (about 1 m) for the simplified one. */
    static final int FULL_DECIMALS = 6;
    static final int SIMPLIFIED_DECIMALS = 5;

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** A polygon or multipolygon and its GeoJSON (RFC 7946: exterior rings counterclockwise, holes clockwise). */
    public record Polygonal(Geometry shape, String geoJson) {
        public int points() {
            return shape.getNumPoints();
        }
    }

    /** Why a geometry was refused, as said to whoever sent it. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The boundary of a GeoJSON geometry. Its coordinates are in {@code declared} (the file's {@code crs}) or, when
     * the file names none, in the system their range shows (see {@link Crs#detect}).
     */
    public static Boundary of(JsonNode geometry, Crs declared, Crs.ToWgs84 rdNew) throws Refused {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            throw new Refused("missing geometry");
        }
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw new Refused("the geometry has no coordinates");
        }
        Crs crs = declared != null ? declared : detect(coordinates);
        Geometry shape = switch (type) {
            case "Polygon" -> polygon(coordinates, crs, rdNew);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), crs, rdNew);
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new Refused("the geometry is a " + (type.isEmpty() ? "geometry without type" : type)
                    + ", not a Polygon or MultiPolygon");
        };
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            throw new Refused("invalid geometry: " + error.getMessage() + " near " + point(error.getCoordinate()));
        }
        Polygonal full = polygonal(shape, FULL_DECIMALS);
        Polygonal simplified = polygonal(TopologyPreservingSimplifier.simplify(shape, SIMPLIFY_TOLERANCE), SIMPLIFIED_DECIMALS);
        return new Boundary(crs, full, simplified, shape.getEnvelopeInternal(), sha256(full.geoJson()));
    }

    private static Crs detect(JsonNode coordinates) throws Refused {
        JsonNode first = coordinates;
        while (first.isArray() && first.size() > 0 && first.get(0).isArray()) {
            first = first.get(0);
        }
        Crs crs = first.size() >= 2 ? Crs.detect(first.get(0).asDouble(), first.get(1).asDouble()) : null;
        if (crs == null) {
            throw new Refused("the coordinates " + first + " are neither RD New (EPSG:28992) nor WGS84 longitude and latitude");
        }
        return crs;
    }

    private static Polygon polygon(JsonNode rings, Crs crs, Crs.ToWgs84 rdNew) throws Refused {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new Refused("a polygon without rings");
        }
        LinearRing shell = ring(rings.get(0), crs, rdNew);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), crs, rdNew);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, Crs crs, Crs.ToWgs84 rdNew) throws Refused {
        if (!positions.isArray() || positions.size() < 4) {
            throw new Refused("invalid geometry: a ring needs at least 4 positions, has " + positions.size());
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new Refused("invalid geometry: position " + p + " is not a pair of numbers");
            }
            double x = p.get(0).asDouble();
            double y = p.get(1).asDouble();
            if (!crs.fits(x, y)) {
                throw new Refused("the position " + p + " lies outside " + (crs == Crs.RD_NEW ? "RD New (EPSG:28992)" : "WGS84"));
            }
            double[] lonLat = crs == Crs.RD_NEW ? rdNew.transform(x, y) : new double[] { x, y };
            coordinates[i] = new Coordinate(lonLat[0], lonLat[1]);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Refused("invalid geometry: a ring must end where it starts");
        }
        return FACTORY.createLinearRing(coordinates);
    }

    private static Polygonal polygonal(Geometry shape, int decimals) {
        StringBuilder json = new StringBuilder(shape.getNumPoints() * 24);
        if (shape instanceof MultiPolygon multi && multi.getNumGeometries() > 1) {
            json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                json.append(i == 0 ? "" : ",");
                polygon(json, (Polygon) multi.getGeometryN(i), decimals);
            }
            json.append("]}");
        } else {
            json.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(json, (Polygon) shape.getGeometryN(0), decimals);
            json.append('}');
        }
        return new Polygonal(shape, json.toString());
    }

    private static void polygon(StringBuilder json, Polygon polygon, int decimals) {
        json.append('[');
        ring(json, polygon.getExteriorRing().getCoordinates(), true, decimals);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            json.append(',');
            ring(json, polygon.getInteriorRingN(i).getCoordinates(), false, decimals);
        }
        json.append(']');
    }

    private static void ring(StringBuilder json, Coordinate[] ring, boolean counterClockwise, int decimals) {
        List<Coordinate> points = new ArrayList<>(List.of(ring));
        if (Orientation.isCCW(ring) != counterClockwise) {
            Collections.reverse(points);
        }
        json.append('[');
        for (int i = 0; i < points.size(); i++) {
            json.append(i == 0 ? "[" : ",[").append(round(points.get(i).x, decimals)).append(',')
                    .append(round(points.get(i).y, decimals)).append(']');
        }
        json.append(']');
    }

    private static String round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String point(Coordinate c) {
        return c == null ? "?" : "(" + round(c.x, 6) + ", " + round(c.y, 6) + ")";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
