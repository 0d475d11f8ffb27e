package nl.leefbaarheid.neighbourhood.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BoundaryImportResult", description = "What a boundary import stored: per level, the boundaries new for the year, changed and the same as stored.")
public record BoundaryImportResult(
        @Schema(example = "2024") int year,
        @Schema(description = "The coordinate system of the file: named in its crs member, else seen from the coordinates.", enumeration = { "EPSG:28992", "EPSG:4326" },
                example = "EPSG:28992") String crs,
        @Schema(description = "Features read.", example = "11") int features,
        @Schema(description = "Points of the stored geometries, and of their simplified forms for overview maps.", example = "4210") long points,
        @Schema(example = "960") long simplifiedPoints,
        LevelCounts municipality,
        LevelCounts district,
        LevelCounts neighbourhood) {

    @Schema(name = "BoundaryLevelCounts")
    public record LevelCounts(
            @Schema(description = "Areas that had no boundary for the year.", example = "7") int added,
            @Schema(description = "Areas whose boundary changed.", example = "0") int changed,
            @Schema(description = "Areas whose boundary was the same: an import of the same file again changes nothing.", example = "0") int unchanged) {
    }
}
