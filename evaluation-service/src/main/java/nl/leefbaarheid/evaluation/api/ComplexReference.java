package nl.leefbaarheid.evaluation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplexReference", description = "A housing complex as this service knows it from neighbourhood-service's events.")
public record ComplexReference(
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "ZH-01") String complexId,
        @Schema(example = "BU09990201") String neighbourhoodCode) {
}
