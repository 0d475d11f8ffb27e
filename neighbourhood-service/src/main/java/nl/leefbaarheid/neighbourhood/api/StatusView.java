package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AreaStatusView", description = "The current status of an area or complex. Tenant figures are left out for callers without access to them (restricted: true).")
public record StatusView(
        @Schema(example = "BU09990101") String areaCode,
        @Schema(description = "For a complex: its corporation and id.", example = "complex:corp-demo:ZH-01") String subject,
        @Schema(example = "neighbourhood") String level,
        @Schema(example = "Centrum-Noord") String name,
        @Schema(description = "Goes up by one with every change.", example = "17") int version,
        @Schema(description = "When the status last changed.") Instant changedAt,
        @Schema(description = "When it was last recalculated (with or without change).") Instant computedAt,
        @Schema(description = "Observations it was computed from.", example = "86") Integer observations,
        @Schema(description = "Whether tenant figures were left out for this caller.") boolean restricted,
        AreaStatus status) {
}
