package nl.leefbaarheid.partner.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Workshop", description = "A workshop (werkatelier) of a collaboration: who came, the areas on the table, the problems pinned, the priority list and the actions chosen.")
public record WorkshopView(
        @Schema(example = "5c9e2f1a-3b4d-4e6f-8a7b-9c0d1e2f3a4b") UUID id,
        @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID collaborationId,
        @Schema(example = "Werkatelier Noordwijk, voorjaar 2026") String title,
        @Schema(example = "2026-04-14") LocalDate heldOn,
        @Schema(description = "Organisation ids of the participants.", example = "[\"gemeente-demostad\", \"politie-demostad\"]") List<String> participants,
        @Schema(example = "[\"BU09990201\", \"BU09990202\"]") List<String> areas,
        @Schema(description = "The problems pinned, in the order they were pinned.") List<PinView> pins,
        @Schema(description = "The pins ranked by severity times votes; ties go to the more severe problem.") List<Priority> priorities,
        @Schema(description = "The actions chosen.") List<ActionView> actions) {

    @Schema(name = "PinnedProblem", description = "A problem pinned in an area, with each partner's votes.")
    public record PinView(
            @Schema(example = "12") long id,
            @Schema(example = "BU09990202") String areaCode,
            @Schema(example = "Pleintje achter de Rembrandtflat") String location,
            @Schema(example = "SC-04") String complexId,
            @Schema(description = "Leefbaarometer dimension: won, fys, vrz, soc or onv.", example = "onv") String dimension,
            @Schema(description = "1 (minor) to 5 (severe).", example = "4") int severity,
            @Schema(example = "Jongeren hangen 's avonds rond; bewoners voelen zich onveilig.") String description,
            @Schema(description = "Votes per partner organisation.", example = "{\"politie-demostad\": 3, \"gemeente-demostad\": 2}") Map<String, Integer> votes) {
    }

    @Schema(name = "WorkshopPriority", description = "A pin's place in the priority list.")
    public record Priority(
            @Schema(example = "12") long pinId,
            @Schema(description = "Severity times the votes (at least once the severity).", example = "20") int score,
            @Schema(description = "The votes of all partners together.", example = "5") int votes) {
    }

    @Schema(name = "WorkshopActionView", description = "An action chosen: an intervention of the catalogue or a free action, who does it, by when.")
    public record ActionView(
            @Schema(description = "The pin it answers, if any.", example = "12") Long pinId,
            @Schema(example = "jongerenwerk-op-hangplekken") String interventionId,
            @Schema(example = "Jongerenwerk op vaste avonden bij het pleintje") String description,
            @Schema(example = "welzijn-demostad") String ownerId,
            @Schema(example = "2026-09-01") LocalDate dueOn,
            @Schema(description = "Whether the corporation can do it alone.", example = "false") Boolean corporationAlone) {
    }
}
