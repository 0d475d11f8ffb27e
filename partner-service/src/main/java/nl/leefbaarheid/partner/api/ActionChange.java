package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.leefbaarheid.partner.domain.ActionStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionChange", description = "The follow-up of an action by its owner or the coordinator: a new status with a note, or a new due"
        + " date. Done and dropped are final.")
public record ActionChange(
        @Pattern(regexp = ActionStatus.PATTERN, message = "must be open, in-progress, done or dropped")
        @Schema(enumeration = { "open", "in-progress", "done", "dropped" }, example = "in-progress") String status,
        @Size(max = 2000) @Schema(example = "Eerste avond gedraaid; twee jongerenwerkers op dinsdag en donderdag.") String note,
        @Schema(description = "A new due date.", example = "2026-10-01") LocalDate dueOn) {
}
