package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Observation", description = "A stored value of an indicator for an area (or a complex in it) and a period, from a source.")
public record ObservationView(
        @Schema(example = "BU09990101") String areaCode,
        @Schema(description = "The corporation's complex id, for a complex's figure.", example = "ZH-01") String complexId,
        @Schema(description = "Whose restricted figure this is (a tenant survey, an own report, a complex's figure); absent for a public one.",
                example = "corp-demo") String corporationId,
        @Schema(example = "tenant.feeling-at-home") String indicator,
        @Schema(example = "2026-Q3") String period,
        @Schema(example = "7.4") double value,
        @Schema(description = "The Leefbaarometer class 1..9 where the file gave one.", example = "6") Integer livabilityClass,
        @Schema(example = "54") Integer respondents,
        @Schema(description = "Where it comes from: leefbaarometer, measurement:<id> (evaluation-service), or the source a batch named.",
                example = "measurement:0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String source,
        @Schema(example = "2026-10-02T09:14:04.310Z") Instant recordedAt) {
}
