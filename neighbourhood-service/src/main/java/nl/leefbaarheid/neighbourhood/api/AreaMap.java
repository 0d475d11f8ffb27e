package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaMap", description = "A GeoJSON FeatureCollection (RFC 7946, WGS84 longitude and latitude) with one feature per neighbourhood of a"
        + " municipality or a corporation's working area: its simplified boundary and what the map shows of its status.")
public record AreaMap(
        @Schema(enumeration = "FeatureCollection", example = "FeatureCollection") String type,
        @Schema(description = "The municipality mapped, when a municipality was asked.", example = "GM0999") String municipality,
        @Schema(description = "The corporation whose working area is mapped, when one was asked.", example = "corp-demo") String corporation,
        @Schema(description = "West, south, east and north edge of the boundaries (left out when no neighbourhood has one).",
                example = "[5.2701, 52.1102, 5.3498, 52.1595]") List<Double> bbox,
        List<Feature> features) {

    @Schema(name = "AreaMapFeature", description = "A neighbourhood on the map.")
    public record Feature(
            @Schema(enumeration = "Feature", example = "Feature") String type,
            @Schema(description = "The CBS neighbourhood code.", example = "BU09990101") String id,
            @JsonRawValue @JsonInclude(JsonInclude.Include.ALWAYS)
            @Schema(type = SchemaType.OBJECT, nullable = true, oneOf = { Polygon.class, MultiPolygon.class }, discriminatorProperty = "type",
                    discriminatorMapping = { @DiscriminatorMapping(value = "Polygon", schema = Polygon.class),
                            @DiscriminatorMapping(value = "MultiPolygon", schema = MultiPolygon.class) },
                    description = "The neighbourhood's boundary simplified for overview maps (points about 10 m apart at most are"
                            + " merged), of its latest boundary year; null until boundaries were imported (POST /api/v1/areas/boundaries).")
            String geometry,
            Properties properties) {
    }

    /** The schema of a GeoJSON Polygon: rings of [longitude, latitude] positions, the exterior ring first. */
    @Schema(name = "GeoJsonPolygon", description = "A GeoJSON Polygon: its exterior ring (counterclockwise), then its holes (clockwise), each closed.")
    public record Polygon(
            @Schema(required = true, enumeration = "Polygon", example = "Polygon") String type,
            @Schema(required = true, description = "Rings of [longitude, latitude] positions.",
                    example = "[[[5.30, 52.13], [5.32, 52.13], [5.32, 52.14], [5.30, 52.14], [5.30, 52.13]]]")
            List<List<List<Double>>> coordinates) {
    }

    @Schema(name = "GeoJsonMultiPolygon", description = "A GeoJSON MultiPolygon: polygons (an island, an exclave), each as in a Polygon.")
    public record MultiPolygon(
            @Schema(required = true, enumeration = "MultiPolygon", example = "MultiPolygon") String type,
            @Schema(required = true, description = "Polygons of rings of [longitude, latitude] positions.",
                    example = "[[[[5.30, 52.13], [5.32, 52.13], [5.32, 52.14], [5.30, 52.13]]], [[[5.40, 52.13], [5.41, 52.13], [5.41, 52.14], [5.40, 52.13]]]]")
            List<List<List<List<Double>>>> coordinates) {
    }

    @Schema(name = "AreaMapProperties", description = "What the map shows of a neighbourhood, as the caller may see it (as getAreaStatus):"
            + " fields without a value are left out. The resilience map shows the livability class, the quadrant and the priority; the"
            + " livability map the class, the deviation, the dimensions' classes, the tenant colour and the priority.")
    public record Properties(
            @Schema(example = "BU09990101") String code,
            @Schema(example = "Oude Haven") String name,
            @Schema(description = "The latest year it is registered for.", example = "2024") int year,
            @Schema(description = "The year of its boundary.", example = "2024") Integer boundaryYear,
            @JsonProperty("class") @Schema(description = "Livability class 1..9 of the deviation.", example = "6") Integer livabilityClass,
            @Schema(description = "The Dutch label of the class.", example = "ruim voldoende") String label,
            @Schema(description = "The Leefbaarometer deviation from the national reference.", example = "0.0444") Double deviation,
            @Schema(description = "Class 1..9 of each dimension (livability map).") DimensionClasses dimensions,
            @Schema(description = "The resilience quadrant, unknown without figures (resilience map).", example = "under-pressure") String quadrant,
            @Schema(description = "The tenant traffic light (an override where one applies), when the caller may see tenant figures there"
                    + " (livability map).", enumeration = { "red", "orange", "green" }, example = "green") String tenantColour,
            @Schema(description = "The priority as the caller may see it.", example = "0.62") Double priority,
            @Schema(description = "True when the neighbourhood has tenant figures the caller may not see (livability map).", example = "false") Boolean restricted,
            @Schema(description = "Few households: scores extreme by chance (livability map).", example = "false") Boolean fewHouseholds) {
    }

    @Schema(name = "DimensionClasses", description = "The class 1..9 of each Leefbaarometer dimension.")
    public record DimensionClasses(
            @Schema(description = "Housing stock.", example = "5") Integer won,
            @Schema(description = "Physical environment.", example = "4") Integer fys,
            @Schema(description = "Amenities.", example = "7") Integer vrz,
            @Schema(description = "Social cohesion.", example = "3") Integer soc,
            @Schema(description = "Nuisance and unsafety.", example = "5") Integer onv) {
    }
}
