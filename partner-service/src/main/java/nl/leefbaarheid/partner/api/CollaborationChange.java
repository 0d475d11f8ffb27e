package nl.leefbaarheid.partner.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CollaborationChange", description = "A change of a collaboration: only the fields given change. A new sharing scope applies to"
        + " the signals made from then on.")
public record CollaborationChange(
        @Size(min = 1, max = 200) @Schema(example = "Samen voor Noordwijk") String name,
        @Size(min = 1, max = 64) @Schema(description = "A member, or it becomes one.", example = "gemeente-demostad") String coordinatorId,
        @Size(max = 50) @Schema(description = "The members from now on (the coordinator stays one).", example = "[\"gemeente-demostad\", \"politie-demostad\"]")
        List<@NotBlank @Size(max = 64) String> members,
        @Size(min = 1, max = 200) @Schema(example = "[\"WK099902\"]")
        List<@NotNull @Pattern(regexp = Codes.AREA, message = "must be a CBS area code") String> areas,
        @Schema(example = "2027-12-31") LocalDate endDate,
        @Valid NewCollaboration.SharingScopeView sharing,
        @Size(max = 500) @Schema(description = "Why; kept in its history.", example = "De GGZ doet voortaan mee.") String reason) {
}
