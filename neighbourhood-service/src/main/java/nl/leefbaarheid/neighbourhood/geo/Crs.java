package nl.leefbaarheid.neighbourhood.geo;

import java.util.Locale;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate systems a boundary file may use: RD New (EPSG:28992, the Dutch grid CBS publishes its maps in) or WGS84
 * (longitude, latitude: what GeoJSON and web maps use). Every stored boundary is WGS84.
 */
public enum Crs {
    RD_NEW, WGS84;

    /**
     * RD New as PROJ parameters, with the seven-parameter datum shift to WGS84 (the EPSG:28992 definition of PROJ 4):
     * within a metre or so of RDNAPTRANS, ample for overview maps.
     */
    static final String RD_NEW_PARAMETERS = "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079"
            + " +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725"
            + " +units=m +no_defs";

    /** The system a GeoJSON {@code crs} member names (an EPSG URN or code, or OGC's CRS84); null for any other. */
    public static Crs named(String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (n.matches(".*\\D28992") || n.equals("28992")) {
            return RD_NEW;
        }
        if (n.matches(".*\\D4326") || n.equals("4326") || n.endsWith("CRS84")) {
            return WGS84;
        }
        return null;
    }

    /**
     * The system a coordinate pair belongs to, by its range: RD New covers the Netherlands with x from -7 km to 300 km and
     * y from 289 km to 629 km; WGS84 pairs are degrees. Null when it fits neither.
     */
    public static Crs detect(double x, double y) {
        if (x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000) {
            return RD_NEW;
        }
        if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
            return WGS84;
        }
        return null;
    }

    /** Whether a pair lies in this system's range (see {@link #detect}). */
    public boolean fits(double x, double y) {
        return detect(x, y) == this;
    }

    /** Turns RD New coordinates into WGS84 longitude and latitude; one per import (proj4j's transforms keep state). */
    public static final class ToWgs84 {

        private final CoordinateTransform transform;
        private final ProjCoordinate from = new ProjCoordinate();
        private final ProjCoordinate to = new ProjCoordinate();

        public ToWgs84() {
            CRSFactory crs = new CRSFactory();
            transform = new CoordinateTransformFactory().createTransform(crs.createFromParameters("EPSG:28992", RD_NEW_PARAMETERS),
                    crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs"));
        }

        /** Longitude and latitude of an RD New point. */
        public double[] transform(double x, double y) {
            from.x = x;
            from.y = y;
            transform.transform(from, to);
            return new double[] { to.x, to.y };
        }
    }
}
