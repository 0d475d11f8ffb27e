package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.partner.api.ActionChange;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.NewAction;
import nl.leefbaarheid.partner.api.NewActionDeployment;
import nl.leefbaarheid.partner.api.NewPin;
import nl.leefbaarheid.partner.api.NewVote;
import nl.leefbaarheid.partner.api.NewWorkshop;
import nl.leefbaarheid.partner.api.WorkshopView;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.WorkshopService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/collaborations/{collaborationId}/workshops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
@Tag(name = "Workshops", description = "Workshops of a collaboration as they happen: planned, opened for the session in which each participant pins"
        + " problems on the map and votes, closed; the live priority list; actions with an owner and due date, followed up afterwards and"
        + " turned into deployments. For the collaboration's members, its corporation and the admin only.")
public class WorkshopResource {

    private static final String WRITERS = " By the coordinator, the collaboration's corporation or an admin.";

    @Inject
    WorkshopService workshops;

    @Inject
    ActionService actions;

    @GET
    @Operation(operationId = "listWorkshops", summary = "List the workshops of a collaboration", description = "Newest first; for its members only.")
    public Page<WorkshopView> list(@PathParam("collaborationId") UUID collaboration, @Valid @BeanParam PageRequest page) {
        return workshops.workshops(collaboration, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWorkshop", summary = "Read a workshop with its priority list",
            description = "Its state, the pins with each participant's votes, the priority list with its reasons, and the actions with their"
                    + " follow-up and deployment.")
    public WorkshopView get(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id) {
        return workshops.workshop(collaboration, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWorkshop", summary = "Plan a workshop",
            description = "Its date, participants (members of the collaboration or its corporation) and the areas on the table; the"
                    + " collaboration's partners get a workshop-planned signal." + WRITERS)
    @APIResponseSchema(value = WorkshopView.class, responseCode = "201", responseDescription = "The planned workshop")
    public Response create(@PathParam("collaborationId") UUID collaboration, @NotNull @Valid NewWorkshop request, @Context UriInfo uri) {
        WorkshopView created = workshops.plan(collaboration, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @POST
    @Path("/{id}/open")
    @Operation(operationId = "openWorkshop", summary = "Open the session of a planned workshop",
            description = "From now on its participants pin problems and vote. 409 unless it is planned." + WRITERS)
    public WorkshopView open(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id) {
        return workshops.open(collaboration, id);
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeWorkshop", summary = "Close the session of an open workshop",
            description = "Pins and votes stand; actions can still be added and are followed up. The collaboration's partners get a"
                    + " workshop-closed signal with the top of the priority list. 409 unless it is open." + WRITERS)
    public WorkshopView close(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id) {
        return workshops.close(collaboration, id);
    }

    @POST
    @Path("/{id}/pins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addPin", summary = "Pin a problem on the map",
            description = "By a participant (its corporation or organisation on the workshop's list), while the workshop is open, in a"
                    + " neighbourhood on the table or inside an area on it.")
    @APIResponseSchema(value = WorkshopView.PinView.class, responseCode = "201", responseDescription = "The pinned problem")
    public Response pin(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id, @NotNull @Valid NewPin request,
            @Context UriInfo uri) {
        WorkshopView.PinView pin = workshops.pin(collaboration, id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(pin.id())).build()).entity(pin).build();
    }

    @PUT
    @Path("/{id}/pins/{pinId}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "castVote", summary = "Cast your own votes on a pin",
            description = "The caller's votes (0 to 10) replace its earlier ones on this pin; nobody changes another participant's votes."
                    + " While the workshop is open, by a participant.")
    public WorkshopView.PinView vote(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id,
            @PathParam("pinId") long pinId, @NotNull @Valid NewVote request) {
        return workshops.vote(collaboration, id, pinId, request);
    }

    @GET
    @Path("/{id}/priorities")
    @Operation(operationId = "listWorkshopPriorities", summary = "The live priority list of a workshop",
            description = "Every pin ranked by severity times the votes (a pin without votes counts its severity once; ties go to the more"
                    + " severe, then the earlier pin), with the reasons; it follows every pin and vote.")
    public Page<WorkshopView.Priority> priorities(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page) {
        return workshops.priorities(collaboration, id, page);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addWorkshopAction", summary = "Choose an action for a pinned problem",
            description = "Once the workshop has opened (also after it closed), by a participant, the coordinator, the corporation or an"
                    + " admin; its owner is a member of the collaboration or its corporation.")
    @APIResponse(responseCode = "201", description = "The action", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response addAction(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id, @NotNull @Valid NewAction request,
            @Context UriInfo uri) {
        ActionView action = actions.add(collaboration, id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(action.id())).build()).tag(ETags.of(action.version()))
                .entity(action).build();
    }

    @GET
    @Path("/{id}/actions/{actionId}")
    @Operation(operationId = "getWorkshopAction", summary = "Read an action with its follow-up and deployment",
            description = "With its ETag, to send in If-Match when following it up.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response getAction(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id, @PathParam("actionId") long actionId) {
        return tagged(actions.get(collaboration, id, actionId));
    }

    @PATCH
    @Path("/{id}/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWorkshopAction", summary = "Follow up an action",
            description = "A new status (open, in-progress, done, dropped; done and dropped are final) with a note, or a new due date. Only"
                    + " by the action's owner, the coordinator or an admin, for the version read (If-Match is required).")
    @APIResponse(responseCode = "200", description = "The action after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionView.class)), headers = @Header(name = "ETag", description = "New version",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The action changed since the If-Match version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response changeAction(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id,
            @PathParam("actionId") long actionId, @NotNull @Valid ActionChange change,
            @Parameter(description = "The ETag of the action as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(actions.change(collaboration, id, actionId, ifMatch, change));
    }

    @POST
    @Path("/{id}/actions/{actionId}/deployment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deployWorkshopAction", summary = "Turn an action into a deployment",
            description = "For an action that names a catalogue intervention: a deployment of the collaboration's corporation is requested"
                    + " from evaluation-service (event nl.leefbaarheid.workshop-action.deployment-requested.v1), in the neighbourhood and"
                    + " complex of its pin. The answer is 202 with the deployment's id; its state moves from requested to planned (or refused,"
                    + " with the reason) when evaluation-service has handled it, and to completed with the effect verdict. By the"
                    + " corporation or an admin; a refused request may be made again.")
    @APIResponseSchema(value = ActionView.class, responseCode = "202", responseDescription = "Requested; follow the action for the deployment's state")
    public Response deploy(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id, @PathParam("actionId") long actionId,
            @NotNull @Valid NewActionDeployment request) {
        ActionView action = actions.requestDeployment(collaboration, id, actionId, request);
        return Response.accepted(action).tag(ETags.of(action.version())).build();
    }

    private static Response tagged(ActionView action) {
        return Response.ok(action).tag(ETags.of(action.version())).build();
    }
}
