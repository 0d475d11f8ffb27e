package nl.leefbaarheid.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.leefbaarheid.catalog.domain.Patterns;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSubtopic", description = "A subtopic to add to a theme.")
public record NewSubtopic(
        @NotBlank @Size(max = 64) @Pattern(regexp = Patterns.SLUG, message = Patterns.SLUG_MESSAGE)
        @Schema(example = "samenleven", required = true) String code,
        @NotBlank @Size(max = 120) @Schema(example = "Samenleven", required = true) String name,
        @Size(max = 2000) @Schema(example = "Rekening houden met elkaar: geluid, kinderen, huisdieren, afval.") String description,
        @Min(1) @Max(999) @Schema(example = "2", description = "Place within the theme; defaults to last.") Integer position) {
}
