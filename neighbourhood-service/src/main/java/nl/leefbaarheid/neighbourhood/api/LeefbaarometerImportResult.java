package nl.leefbaarheid.neighbourhood.api;

import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeefbaarometerImportResult", description = "What a Leefbaarometer import stored and recalculated, and which rows it skipped.")
public record LeefbaarometerImportResult(
        @Schema(description = "The level of the file's areas, from its code column (bu_code, wk_code or gm_code).", example = "district") AreaLevel level,
        @Schema(description = "Rows read (blank lines not counted).", example = "131400") int rows,
        @Schema(description = "Rows stored: those with at least one score, of an area registered for their year.", example = "131200") int storedRows,
        @Schema(description = "Observations stored (one per score).", example = "918400") int observations,
        @Schema(description = "Observations new or different from what was stored.", example = "918400") int changedObservations,
        @Schema(description = "Areas of the file whose observations changed, each recalculated (and the districts and municipalities above them rolled up, not counted here).", example = "14600") int recalculatedAreas,
        @Schema(description = "Measurement years of the rows stored.", example = "[\"2022\", \"2024\"]") List<String> periods,
        @Schema(description = "Rows whose scores are all empty (an area that did not exist yet, or too small to score): skipped.") SkippedRows emptyRows,
        @Schema(description = "Rows whose area is not registered for their year: skipped.") UnknownAreas unknownAreas) {

    /** At most this many lines or rows are listed; the count is complete. */
    public static final int MAX_LISTED = 200;

    @Schema(name = "SkippedRows")
    public record SkippedRows(
            @Schema(description = "How many.", example = "2") int count,
            @Schema(description = "Their lines (the first 200).", example = "[137, 138]") List<Integer> lines) {
    }

    @Schema(name = "UnknownAreas")
    public record UnknownAreas(
            @Schema(description = "How many.", example = "1") int count,
            @Schema(description = "The rows (the first 200).") List<UnknownArea> rows) {
    }

    @Schema(name = "UnknownArea")
    public record UnknownArea(
            @Schema(example = "412") int line,
            @Schema(example = "BU09019999") String code,
            @Schema(example = "2020") int year,
            @Schema(example = "BU09019999 is not a registered area for 2020 (the area registry of 2020 applies)") String reason) {
    }
}
