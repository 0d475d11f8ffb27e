package nl.leefbaarheid.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewTheme", description = "A theme to add to the toolbox.")
public record NewTheme(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Schema(example = "sociale-leefbaarheid", required = true) String code,
        @NotBlank @Size(max = 120) @Schema(example = "Sociale leefbaarheid", required = true) String name,
        @Size(max = 2000) @Schema(example = "Elkaar groeten en kennen, samenleven, thuis voelen, betrokkenheid en woonomgeving.") String description,
        @Min(1) @Max(999) @Schema(example = "3", description = "Place in the toolbox; defaults to last.") Integer position) {
}
