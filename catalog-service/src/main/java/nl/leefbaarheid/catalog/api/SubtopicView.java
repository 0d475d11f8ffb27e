package nl.leefbaarheid.catalog.api;

import java.time.Instant;
import nl.leefbaarheid.catalog.entity.Subtopic;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Subtopic", description = "A subtopic of a toolbox theme.")
public record SubtopicView(
        @Schema(example = "samenleven") String code,
        @Schema(example = "sociale-leefbaarheid") String themeCode,
        @Schema(example = "Samenleven") String name,
        @Schema(example = "Rekening houden met elkaar: geluid, kinderen, huisdieren, afval.") String description,
        @Schema(example = "2") int position,
        @Schema(description = "Set when the subtopic (or its theme) was retired: its interventions stay, it takes no new ones.")
        Instant retiredAt,
        @Schema(description = "Raised by every change; the ETag.", example = "0") long version) {

    public static SubtopicView of(Subtopic subtopic) {
        return new SubtopicView(subtopic.code, subtopic.theme.code, subtopic.name, subtopic.description, subtopic.position,
                subtopic.retiredAt, subtopic.version);
    }
}
