package nl.leefbaarheid.neighbourhood.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistryArea", description = "An area of a registry import in JSON; its level and parent follow from the code.")
public record RegistryArea(
        @Schema(example = "BU09990101", required = true) String code,
        @Schema(example = "2024", description = "When given, the year of the import.") Integer year,
        @Schema(example = "Centrum-Noord", required = true) String name,
        @Schema(example = "1240") Integer households,
        @Schema(example = "1310") Integer homes,
        @Schema(example = "930", description = "Homes owned by housing corporations; left out, what is registered stays.") Integer corporationHomes) {
}
