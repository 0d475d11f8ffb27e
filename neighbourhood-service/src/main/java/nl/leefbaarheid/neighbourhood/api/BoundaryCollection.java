package nl.leefbaarheid.neighbourhood.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a boundary import, as documented: the service reads it as a stream (see BoundaryFile), never as this record. */
@Schema(name = "BoundaryCollection", description = "A GeoJSON FeatureCollection of area boundaries, as CBS publishes its wijk- en buurtkaart:"
        + " one feature per municipality, district or neighbourhood, in RD New (EPSG:28992) or WGS84.")
public record BoundaryCollection(
        @Schema(required = true, enumeration = "FeatureCollection", example = "FeatureCollection") String type,
        @Schema(description = "The coordinate system; without it, the coordinates' range decides (RD New metres or WGS84 degrees).") NamedCrs crs,
        @Schema(required = true) List<Feature> features) {

    @Schema(name = "BoundaryCrs", description = "A named coordinate system (GeoJSON 2008, as CBS and GDAL write it).")
    public record NamedCrs(
            @Schema(enumeration = "name", example = "name") String type,
            CrsName properties) {
    }

    @Schema(name = "BoundaryCrsName")
    public record CrsName(
            @Schema(description = "EPSG:28992 (RD New) or EPSG:4326 / CRS84 (WGS84), also as a URN.", pattern = ".*(28992|4326|CRS84)",
                    example = "urn:ogc:def:crs:EPSG::28992") String name) {
    }

    @Schema(name = "BoundaryFeature", description = "An area's boundary: a Polygon or MultiPolygon, valid (JTS: closed rings, no self-intersections).")
    public record Feature(
            @Schema(required = true, enumeration = "Feature", example = "Feature") String type,
            @Schema(required = true) Codes properties,
            @Schema(required = true, oneOf = { AreaMap.Polygon.class, AreaMap.MultiPolygon.class }) Object geometry) {
    }

    @Schema(name = "BoundaryCodes", description = "The area's CBS code: the most detailed of these; the others given must contain it"
            + " (a neighbourhood's wijkcode its district). Other properties (names, figures) are ignored.", additionalProperties = Schema.True.class)
    public record Codes(
            @Schema(pattern = "BU\\d{4}[0-9A-Z]{4}", example = "BU09990101") String buurtcode,
            @Schema(pattern = "WK\\d{4}[0-9A-Z]{2}", example = "WK099901") String wijkcode,
            @Schema(pattern = "GM\\d{4}", example = "GM0999") String gemeentecode,
            @Schema(description = "The code in older files.", pattern = "GM\\d{4}|WK\\d{4}[0-9A-Z]{2}|BU\\d{4}[0-9A-Z]{4}", example = "BU09990101") String statcode) {
    }
}
