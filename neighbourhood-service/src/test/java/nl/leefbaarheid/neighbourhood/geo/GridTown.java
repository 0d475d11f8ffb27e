package nl.leefbaarheid.neighbourhood.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated municipality for tests and measurements: a grid of neighbourhoods in RD New whose edges wind like real
 * boundaries (a point every {@code 500 / pointsPerEdge} metres, a few metres off the straight line), each edge shared
 * exactly by the two neighbourhoods on either side, as in the CBS map.
 */
public final class GridTown {

    private final double west = 120_000;
    private final double north = 480_000;
    private final double size = 500;
    private final int pointsPerEdge;

    public GridTown(int pointsPerEdge) {
        this.pointsPerEdge = pointsPerEdge;
    }

    /** The corner at column i, row r, a little off the grid. */
    private double[] node(int i, int r) {
        return new double[] { west + i * size + 40 * Math.sin(i * 2.1 + r * 1.3), north - r * size + 40 * Math.cos(i * 1.7 + r * 0.9) };
    }

    /** The points of an edge from node a to node b (b excluded), always generated in one direction so neighbours share them. */
    private List<double[]> edge(int i0, int r0, int i1, int r1) {
        boolean reversed = i1 < i0 || r1 < r0;
        int ai = reversed ? i1 : i0;
        int ar = reversed ? r1 : r0;
        int bi = reversed ? i0 : i1;
        int br = reversed ? r0 : r1;
        double[] a = node(ai, ar);
        double[] b = node(bi, br);
        boolean horizontal = ar == br;
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k <= pointsPerEdge; k++) {
            double t = k / (double) pointsPerEdge;
            double wobble = 12 * Math.sin(Math.PI * t) * Math.sin(9 * Math.PI * t + ai * 0.7 + ar * 1.1)
                    + 2 * Math.sin(Math.PI * t) * Math.sin(61 * Math.PI * t + ai + ar);
            points.add(new double[] { a[0] + (b[0] - a[0]) * t + (horizontal ? 0 : wobble), a[1] + (b[1] - a[1]) * t + (horizontal ? wobble : 0) });
        }
        if (reversed) {
            java.util.Collections.reverse(points);
        }
        return points.subList(0, points.size() - 1);
    }

    /** The GeoJSON Polygon of the cell at column i, row r, in RD New. */
    public String cell(int i, int r) {
        List<double[]> ring = new ArrayList<>();
        ring.addAll(edge(i, r, i + 1, r));
        ring.addAll(edge(i + 1, r, i + 1, r + 1));
        ring.addAll(edge(i + 1, r + 1, i, r + 1));
        ring.addAll(edge(i, r + 1, i, r));
        ring.add(ring.get(0));
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int k = 0; k < ring.size(); k++) {
            json.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.2f,%.2f]", ring.get(k)[0], ring.get(k)[1]));
        }
        return json.append("]]}").toString();
    }

    /** A feature of the CBS neighbourhood map. */
    public static String feature(String codeProperty, String code, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"" + codeProperty + "\":\"" + code + "\"},\"geometry\":" + geometry + "}";
    }

    /** A FeatureCollection in RD New, as CBS publishes it. */
    public static String rdNew(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":["
                + String.join(",", features) + "]}";
    }
}
