package nl.leefbaarheid.catalog.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Intervention", description = "An intervention of the toolbox in its current revision (or a given earlier one).")
public record InterventionView(
        @Schema(description = "The intervention's id: its code.", example = "gemeenschappelijke-moestuin") String id,
        @Schema(example = "published") InterventionStatus status,
        @Schema(description = "The revision shown.", example = "2") int revision,
        @Schema(description = "The latest published revision, if any.", example = "2") Integer publishedRevision,
        @Schema(example = "sociale-leefbaarheid") String themeCode,
        @Schema(description = "When the evidence rating lapses (3 years for well-described, else 5).", example = "2029-03-01")
        LocalDate evidenceValidUntil,
        @Schema(description = "When this revision was published; absent for a draft.") Instant publishedAt,
        @Schema(description = "Why it was retired.") String retiredReason,
        Instant retiredAt,
        Instant updatedAt,
        @JsonUnwrapped InterventionSpec spec,
        @JsonIgnore @Schema(hidden = true) long version) {
}
