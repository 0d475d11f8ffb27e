package nl.leefbaarheid.neighbourhood.api;

import java.time.Instant;
import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaStatusVersion", description = "One version of the status of an area or complex in its history, as the caller may see it: what changed and why.")
public record StatusVersion(
        @Schema(example = "17") int version,
        @Schema(example = "2026-10-02T09:14:03.120Z") Instant changedAt,
        @Schema(description = "The parts of the status that changed against the version before (as far as the caller sees them).", example = "[\"tenantExperience.colour\", \"signals\"]") List<String> changes,
        @Schema(description = "Why it was recalculated: the measurements, the import or the recalculation.", example = "measurement 0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String reason,
        AreaStatus status) {
}
