package nl.leefbaarheid.neighbourhood.api;

import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkingArea", description = "The neighbourhoods where a corporation owns complexes, and their status aggregated by households.")
public record WorkingArea(
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "[\"BU09990101\", \"BU09990202\"]") List<String> neighbourhoods,
        AreaStatus status) {
}
