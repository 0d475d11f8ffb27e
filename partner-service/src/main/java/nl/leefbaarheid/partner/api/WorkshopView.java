package nl.leefbaarheid.partner.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.domain.WorkshopState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Workshop", description = "A workshop (werkatelier) of a collaboration: planned, open (participants pin and vote) or closed; the"
        + " problems pinned, the live priority list and the actions chosen.")
public record WorkshopView(
        @Schema(example = "5c9e2f1a-3b4d-4e6f-8a7b-9c0d1e2f3a4b") UUID id,
        @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID collaborationId,
        @Schema(example = "Werkatelier Noordwijk, voorjaar 2026") String title,
        @Schema(example = "2026-04-14") LocalDate heldOn,
        @Schema(description = "planned, open or closed.", example = "open") WorkshopState state,
        @Schema(example = "2026-04-14T18:02:11Z") Instant openedAt,
        @Schema(example = "2026-04-14T21:30:40Z") Instant closedAt,
        @Schema(description = "Organisation ids of the participants.", example = "[\"gemeente-demostad\", \"politie-demostad\"]") List<String> participants,
        @Schema(example = "[\"BU09990201\", \"BU09990202\"]") List<String> areas,
        @Schema(description = "The problems pinned, in the order they were pinned.") List<PinView> pins,
        @Schema(description = "The pins ranked by severity times votes, with the reasons.") List<Priority> priorities,
        @Schema(description = "The actions chosen, with their follow-up.") List<ActionView> actions) {

    @Schema(name = "PinnedProblem", description = "A problem pinned in an area by a participant, with each participant's votes.")
    public record PinView(
            @Schema(example = "12") long id,
            @Schema(example = "BU09990202") String areaCode,
            @Schema(example = "Pleintje achter de Rembrandtflat") String location,
            @Schema(example = "SC-04") String complexId,
            @Schema(description = "Leefbaarometer dimension: won, fys, vrz, soc or onv.", example = "onv") String dimension,
            @Schema(description = "1 (minor) to 5 (severe).", example = "4") int severity,
            @Schema(example = "Jongeren hangen 's avonds rond; bewoners voelen zich onveilig.") String description,
            @Schema(description = "The participant who pinned it (absent for workshops recorded afterwards).", example = "huurdersvereniging-demostad") String pinnedBy,
            @Schema(description = "Votes per participant.", example = "{\"politie-demostad\": 3, \"gemeente-demostad\": 2}") Map<String, Integer> votes) {
    }

    @Schema(name = "WorkshopPriority", description = "A pin's place in the priority list, and why it stands there.")
    public record Priority(
            @Schema(example = "1") int rank,
            @Schema(example = "12") long pinId,
            @Schema(example = "BU09990202") String areaCode,
            @Schema(example = "onv") String dimension,
            @Schema(example = "Jongeren hangen 's avonds rond; bewoners voelen zich onveilig.") String description,
            @Schema(description = "Severity times the votes (at least once the severity).", example = "28") int score,
            @Schema(description = "The votes of all participants together.", example = "7") int votes,
            @Schema(description = "How many participants voted for it.", example = "3") int voters,
            @Schema(example = "[\"severity 4 of 5\", \"7 votes from 3 participants (huurdersvereniging-demostad 3, politie-demostad 3, gemeente-demostad 1)\", \"score 28 = severity x votes\"]")
            List<String> reasons) {
    }
}
