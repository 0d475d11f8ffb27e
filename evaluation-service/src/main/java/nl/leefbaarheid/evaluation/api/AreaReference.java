package nl.leefbaarheid.evaluation.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AreaReference", description = "An area of the registry as this service knows it from neighbourhood-service's events.")
public record AreaReference(
        @Schema(example = "BU09990101") String code,
        @Schema(description = "The registry year it is registered for (for a period's year: the registry year that applies to it).", example = "2024") int year,
        @Schema(enumeration = { "municipality", "district", "neighbourhood" }, example = "neighbourhood") String level,
        @Schema(example = "Oude Haven") String name,
        @Schema(example = "WK099901") String parentCode,
        @Schema(example = "3100") Integer households,
        @Schema(example = "3350") Integer homes) {
}
