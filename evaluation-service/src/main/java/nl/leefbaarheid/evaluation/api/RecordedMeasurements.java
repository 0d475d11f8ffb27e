package nl.leefbaarheid.evaluation.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedMeasurements", description = "The ids of the stored measurements, in the order sent.")
public record RecordedMeasurements(@Schema(example = "2") int count, List<UUID> measurementIds) {
}
