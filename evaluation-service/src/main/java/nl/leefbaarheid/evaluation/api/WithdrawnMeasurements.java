package nl.leefbaarheid.evaluation.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawnMeasurements", description = "What a batch withdrawal did.")
public record WithdrawnMeasurements(
        @Schema(description = "Measurements withdrawn by this call.", example = "2") int count,
        @Schema(description = "Their ids.") List<UUID> measurementIds,
        @Schema(description = "Measurements of the batch that were withdrawn before.", example = "0") int alreadyWithdrawn) {
}
