package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import nl.leefbaarheid.partner.domain.ActionStatus;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of an action list. */
public class ActionFilter {

    @QueryParam("status")
    @Pattern(regexp = ActionStatus.PATTERN, message = "must be open, in-progress, done or dropped")
    @Parameter(description = "Only actions with this status.", schema = @Schema(type = SchemaType.STRING,
            enumeration = { "open", "in-progress", "done", "dropped" }))
    public String status;

    @QueryParam("overdue")
    @Pattern(regexp = "true|false", message = "must be true or false")
    @Parameter(description = "Only actions still open or in progress after their due date (true), or the others (false).",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String overdue;

    public ActionStatus status() {
        return status == null ? null : ActionStatus.of(status);
    }

    public Boolean overdue() {
        return overdue == null ? null : Boolean.valueOf(overdue);
    }

    /** Filters of a collaboration's action list: the owner too. */
    public static class WithOwner extends ActionFilter {
        @QueryParam("ownerId")
        @Size(max = 64)
        @Parameter(description = "Only the actions of this organisation.", example = "welzijn-demostad")
        public String ownerId;
    }
}
