package nl.leefbaarheid.evaluation.api;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EndRequest", description = "How a deployment ends: its end date, and for a stop the reason.")
public record CompleteRequest(
        @Schema(description = "Defaults to today.", example = "2027-03-01") LocalDate endDate,
        @Size(max = 2000) @Schema(description = "Required to stop a deployment.", example = "De trekkers zijn verhuisd; geen opvolgers gevonden.") String reason) {
}
