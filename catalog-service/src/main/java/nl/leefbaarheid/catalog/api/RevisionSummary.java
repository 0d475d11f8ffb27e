package nl.leefbaarheid.catalog.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary", description = "One revision of an intervention.")
public record RevisionSummary(
        @Schema(example = "2") int revision,
        @Schema(example = "Gemeenschappelijke moestuin") String title,
        Instant createdAt,
        @Schema(description = "Absent for the draft of an intervention never published.") Instant publishedAt) {
}
