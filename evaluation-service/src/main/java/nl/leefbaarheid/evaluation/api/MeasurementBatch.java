package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasurementBatch", description = "Up to 10,000 measurements, stored all or nothing.")
public record MeasurementBatch(@NotNull @Size(min = 1, max = 10_000) List<MeasurementInput> measurements) {
}
