package nl.leefbaarheid.neighbourhood.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportResult", description = "What an import stored and recalculated.")
public record ImportResult(
        @Schema(description = "Rows read.", example = "131400") int rows,
        @Schema(description = "Observations in the file.", example = "919800") int observations,
        @Schema(description = "Observations new or different from what was stored.", example = "919800") int changedObservations,
        @Schema(description = "Neighbourhoods and complexes whose status was recalculated.", example = "14600") int recalculatedAreas,
        @Schema(description = "Measurement years or periods in the file.", example = "[\"2022\", \"2024\"]") List<String> periods) {
}
