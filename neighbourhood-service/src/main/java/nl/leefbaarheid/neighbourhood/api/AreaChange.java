package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaChange", description = "What may change of a registered area. PUT replaces all three (name required; households or homes left out become unknown); PATCH changes those given.")
public record AreaChange(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Schema(example = "Centrum-Noord") String name,
        @PositiveOrZero @Schema(example = "1240") Integer households,
        @PositiveOrZero @Schema(example = "1310") Integer homes) {
}
