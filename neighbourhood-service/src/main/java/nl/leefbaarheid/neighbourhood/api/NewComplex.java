package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewComplex", description = "A housing complex of the corporation, in one neighbourhood.")
public record NewComplex(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, dots, hyphens or underscores")
        @Schema(required = true, description = "The corporation's own id of the complex.", example = "ZH-01") String code,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Zonnehof") String name,
        @NotBlank @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code such as BU09990101")
        @Schema(required = true, example = "BU09990101") String neighbourhoodCode,
        @Min(0) @Schema(example = "120") Integer homes,
        @Min(0) @Schema(example = "114") Integer households) {
}
