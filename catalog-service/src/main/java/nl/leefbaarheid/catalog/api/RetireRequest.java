package nl.leefbaarheid.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetireRequest", description = "Why an intervention, theme or subtopic is retired.")
public record RetireRequest(
        @NotBlank @Size(max = 1000) @Schema(required = true, example = "Vervangen door de aanpak Buurtbemiddeling 2.0.") String reason) {
}
