package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ColourOverrideRequest", description = "A professional's colour for an area or complex that the computed one does not match, with the reason.")
public record ColourOverrideRequest(
        @NotNull @Schema(required = true, example = "orange") AreaStatus.Colour colour,
        @NotBlank @Size(max = 1000) @Schema(required = true, example = "Na de renovatie is de sfeer verbeterd; de enquête is van voor de renovatie.") String reason) {
}
