package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.leefbaarheid.partner.api.Codes;
import nl.leefbaarheid.partner.api.SignalFeed;
import nl.leefbaarheid.partner.service.FeedService;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals", description = "What changed in the areas of your collaborations, as their sharing scope allows.")
public class SignalResource {

    @Inject
    FeedService feed;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "readSignalFeed", summary = "Read the signal feed",
            description = "Signals of your collaborations, oldest first, after the cursor. Keep nextCursor and ask again with after=nextCursor to get only what is new.")
    public SignalFeed feed(
            @QueryParam("after") @DefaultValue("0") @Min(0) @Parameter(description = "The cursor: nextCursor of the previous page.", example = "0") long after,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) @Parameter(description = "Signals per page, 1 to 500.", example = "50") int size,
            @QueryParam("type") @Pattern(regexp = Codes.SIGNAL_TYPE, message = Codes.SIGNAL_TYPE_MESSAGE)
            @Parameter(description = "Only signals of this type.") String type) {
        return feed.feed(after, size, type);
    }
}
