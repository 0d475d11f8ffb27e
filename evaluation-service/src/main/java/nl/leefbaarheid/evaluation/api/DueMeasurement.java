package nl.leefbaarheid.evaluation.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.Slot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DueMeasurement", description = "A slot of a deployment's measurement plan that is due (or overdue) with indicators not measured yet.")
public record DueMeasurement(
        @Schema(example = "5d7f3a2b-1c4e-4f6a-8b9c-0d1e2f3a4b5c") UUID deploymentId,
        @Schema(example = "Buurtconciërge") String interventionTitle,
        @Schema(example = "BU09990202") String areaCode,
        @Schema(description = "The complex, when the deployment is in one.", example = "SC-03") String complexId,
        Slot slot,
        @Schema(example = "2026-09-30") LocalDate dueOn,
        @Schema(description = "Whether the due date has passed.", example = "false") boolean overdue,
        @Schema(description = "The plan's indicators of this slot not measured yet.", example = "[\"tenant.feeling-at-home\"]") List<String> missingIndicators) {
}
