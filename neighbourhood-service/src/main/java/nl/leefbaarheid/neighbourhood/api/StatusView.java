package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AreaStatusView", description = "The current status of an area or complex as the caller may see it: the tenant experience of its own corporation's marks and those shared with it (the admin: all), with the signals and priority that follow from those. restricted: true when some corporation's tenant figures were left out.")
public record StatusView(
        @Schema(example = "BU09990101") String areaCode,
        @Schema(description = "For a complex: its corporation and id.", example = "complex:corp-demo:ZH-01") String subject,
        @Schema(example = "neighbourhood") String level,
        @Schema(example = "Centrum-Noord") String name,
        @Schema(description = "Goes up by one with every change.", example = "17") int version,
        @Schema(description = "When the status last changed.") Instant changedAt,
        @Schema(description = "When it was last recalculated (with or without change).") Instant computedAt,
        @Schema(description = "Observations it was computed from.", example = "86") Integer observations,
        @Schema(description = "Whether some corporation's tenant figures were left out for this caller.") boolean restricted,
        AreaStatus status) {
}
