package nl.leefbaarheid.catalog.api;

import java.time.Instant;
import nl.leefbaarheid.catalog.entity.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Theme", description = "A theme of the intervention toolbox.")
public record ThemeView(
        @Schema(example = "sociale-leefbaarheid") String code,
        @Schema(example = "Sociale leefbaarheid") String name,
        @Schema(example = "Elkaar groeten en kennen, samenleven, thuis voelen, betrokkenheid en woonomgeving.") String description,
        @Schema(example = "3") int position,
        @Schema(description = "Set when the theme was retired: it stays, with its subtopics and interventions, but takes no new ones.")
        Instant retiredAt,
        @Schema(description = "Raised by every change; the ETag.", example = "0") long version) {

    public static ThemeView of(Theme theme) {
        return new ThemeView(theme.code, theme.name, theme.description, theme.position, theme.retiredAt, theme.version);
    }
}
