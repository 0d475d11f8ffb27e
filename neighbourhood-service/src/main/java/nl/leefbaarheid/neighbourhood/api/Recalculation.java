package nl.leefbaarheid.neighbourhood.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Recalculation", description = "What a recalculation from scratch changed.")
public record Recalculation(
        @Schema(example = "GM0999") String municipality,
        @Schema(description = "Statuses that came out different and got a new version.", example = "0") int changedStatuses) {
}
