package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RankedArea", description = "An area in a ranking: most in need of attention first.")
public record RankedArea(
        @Schema(example = "1") int rank,
        @Schema(example = "BU09990201") String areaCode,
        @Schema(example = "Oostpoort") String name,
        @Schema(description = "The value ranked on: the priority, or the score of the deviation or a dimension.", example = "0.62") Double value,
        @JsonProperty("class") @Schema(description = "Livability class 1..9 of what is ranked on (deviation when ranked by priority).", example = "4") Integer livabilityClass,
        @Schema(example = "zwak") String label,
        @Schema(example = "under-pressure") String quadrant,
        @Schema(example = "0.62") Double priority,
        @Schema(description = "Fewer households than the threshold: extreme by chance, ranked last.") boolean fewHouseholds) {
}
