package nl.leefbaarheid.evaluation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.DeploymentStatus;
import nl.leefbaarheid.evaluation.domain.EffectCalculator;
import nl.leefbaarheid.evaluation.domain.Slot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Deployment", description = "An intervention deployed in an area by a corporation, with its measurement plan.")
public record DeploymentView(
        UUID id,
        @Schema(example = "gemeenschappelijke-moestuin") String interventionId,
        @Schema(example = "2") int interventionRevision,
        @Schema(example = "Gemeenschappelijke moestuin") String interventionTitle,
        @Schema(example = "BU09990201") String areaCode,
        @Schema(example = "ZH-01") String complexId,
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "Wijkconsulent Noordwijk") String owner,
        @Schema(example = "2026-03-01") LocalDate startDate,
        @Schema(example = "2027-03-01") LocalDate plannedEndDate,
        LocalDate actualEndDate,
        DeploymentStatus status,
        String stopReason,
        BigDecimal budget,
        List<String> partners,
        List<String> comparisonAreas,
        @Schema(description = "When each measurement is due, and of which indicators (from the revision's method).") List<PlanItem> plan,
        @Schema(description = "The effect, once completed.") EffectCalculator.Effect result,
        Instant completedAt,
        @Schema(description = "The workshop action in partner-service it came from, if any.") DeploymentOrigin origin,
        @Schema(description = "Raised by every change of its plan; also its ETag, to send in If-Match.", example = "2") int version) {

    @Schema(name = "PlanItem")
    public record PlanItem(@Schema(example = "baseline") Slot slot, @Schema(example = "2026-03-01") LocalDate dueOn,
            @Schema(example = "[\"tenant.feeling-at-home\"]") List<String> indicators) {
    }
}
