package nl.leefbaarheid.catalog.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportReport", description = "What an import of the toolbox workbook did, per row.")
public record ImportReport(
        @Schema(description = "How many rows had each outcome.", example = "{\"created\": 2, \"revised\": 1, \"unchanged\": 41}")
        Map<String, Integer> totals,
        List<RowOutcome> rows) {

    @Schema(name = "ImportRowOutcome", description = "What happened to one row.")
    public record RowOutcome(
            @Schema(example = "Sociale leefbaarheid") String sheet,
            @Schema(description = "Row number as Excel shows it.", example = "7") int row,
            @Schema(example = "gemeenschappelijke-moestuin") String interventionId,
            @Schema(description = "created, updated (a draft), revised (a new published revision), published, retired or unchanged; a new row asking for status Gepubliceerd is created and published.",
                    example = "[\"revised\"]")
            List<String> outcomes,
            @Schema(description = "The intervention's current revision after the import.", example = "3") int revision) {
    }
}
