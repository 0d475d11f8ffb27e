package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.RegistryPlan;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistryImportResult", description = "What a registry import of a year changed, by level, and how the year differs from the previous registered one.")
public record RegistryImportResult(
        @Schema(example = "2024") int year,
        @Schema(description = "Municipalities, districts and neighbourhoods in the input.", example = "18266") int areas,
        @Schema(description = "Lines of rows of the whole country (Land), skipped.", example = "[2]") List<Integer> countryRowsSkipped,
        @Schema(description = "By level (municipality, district, neighbourhood): new, updated and unchanged areas.") Map<String, LevelCounts> levels,
        @Schema(description = "The latest year before this one in which a municipality of the input is registered; null when there is none.", example = "2023")
        Integer previousYear,
        @Schema(description = "Codes of the input not registered in the previous year (new), and codes of the previous year in the input's municipalities that the input lacks (disappeared), by level; each with its exact count and at most the first " + RegistryImportResult.CAP + " codes.")
        SincePrevious sincePreviousYear) {

    public static final int CAP = 100;

    public record LevelCounts(@JsonProperty("new") int added, int updated, int unchanged) {
    }

    public record Codes(int count, List<String> codes) {
    }

    public record SincePrevious(@JsonProperty("new") Map<String, Codes> added, Map<String, Codes> disappeared) {
    }

    public static RegistryImportResult of(int year, int areas, List<Integer> countryRows, RegistryPlan.Plan plan, Integer previousYear,
            RegistryPlan.Since since) {
        Map<String, LevelCounts> levels = new LinkedHashMap<>();
        plan.counts().forEach((level, c) -> levels.put(name(level), new LevelCounts(c.added(), c.updated(), c.unchanged())));
        return new RegistryImportResult(year, areas, countryRows, levels, previousYear,
                new SincePrevious(codes(since.added()), codes(since.disappeared())));
    }

    private static Map<String, Codes> codes(Map<AreaLevel, RegistryPlan.Codes> byLevel) {
        Map<String, Codes> codes = new LinkedHashMap<>();
        byLevel.forEach((level, c) -> codes.put(name(level), new Codes(c.count(), c.codes())));
        return codes;
    }

    private static String name(AreaLevel level) {
        return level.name().toLowerCase();
    }
}
