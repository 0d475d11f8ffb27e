package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResilienceMap", description = "A GeoJSON FeatureCollection (RFC 7946) with one feature per neighbourhood of a municipality, without geometry: join it on the CBS code with the neighbourhood boundaries of that year.")
public record ResilienceMap(
        @Schema(enumeration = "FeatureCollection", example = "FeatureCollection") String type,
        @Schema(example = "GM0999") String municipality,
        List<Feature> features) {

    public static ResilienceMap of(String municipality, List<Properties> neighbourhoods) {
        return new ResilienceMap("FeatureCollection", municipality, neighbourhoods.stream().map(Feature::of).toList());
    }

    @Schema(name = "ResilienceMapFeature", description = "A neighbourhood on the resilience map.")
    public record Feature(
            @Schema(enumeration = "Feature", example = "Feature") String type,
            @Schema(description = "The CBS neighbourhood code.", example = "BU09990101") String id,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class, nullable = true,
                    description = "Always null (written, as GeoJSON requires the member): the platform knows no boundaries; join on id with the CBS boundaries of properties.year.")
            JsonNode geometry,
            Properties properties) {

        static Feature of(Properties properties) {
            return new Feature("Feature", properties.code(), NullNode.getInstance(), properties);
        }
    }

    @Schema(name = "ResilienceMapProperties", description = "What the map shows of a neighbourhood; class, label and priority are left out until it has a status.")
    public record Properties(
            @Schema(example = "BU09990101") String code,
            @Schema(example = "Centrum-Noord") String name,
            @Schema(description = "The latest year it is registered for: the year of the boundaries to join.", example = "2026") int year,
            @JsonProperty("class") @Schema(description = "Livability class 1..9 of the deviation.", example = "6") Integer livabilityClass,
            @Schema(example = "ruim voldoende") String label,
            @Schema(description = "The resilience quadrant, unknown without figures.", example = "under-pressure") String quadrant,
            @Schema(description = "The priority as the caller may see it.", example = "0.62") Double priority) {
    }
}
