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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.partner.api.ActionFilter;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.CollaborationChange;
import nl.leefbaarheid.partner.api.CollaborationEnd;
import nl.leefbaarheid.partner.api.CollaborationView;
import nl.leefbaarheid.partner.api.NewCollaboration;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.CollaborationService;
import nl.leefbaarheid.platform.audit.AuditEntry;
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

@Path("/api/v1/collaborations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collaborations", description = "Partners working together on a set of areas, and what they share.")
public class CollaborationResource {

    @Inject
    ActionService actions;

    @Inject
    CollaborationService collaborations;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listCollaborations", summary = "List the collaborations you take part in",
            description = "Latest start first. A partner sees the collaborations it belongs to, a corporation those about its figures, an admin all.")
    public Page<CollaborationView> list(@Valid @BeanParam PageRequest page) {
        return collaborations.list(page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getCollaboration", summary = "Read a collaboration", description = "404 for those not part of it.")
    @APIResponse(responseCode = "200", description = "The collaboration", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollaborationView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("id") UUID id) {
        CollaborationView collaboration = collaborations.get(id);
        return ETags.tagged(collaboration, collaboration.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "updateCollaboration", summary = "Change a collaboration",
            description = "Its name, coordinator, members, areas, end date or sharing scope (a new scope applies to the signals made from then"
                    + " on); by the coordinator, the corporation or an admin, for the version read (If-Match required: 428 without, 412 when"
                    + " it changed since). Kept in its history with the reason.")
    @APIResponse(responseCode = "200", description = "The collaboration after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollaborationView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid CollaborationChange change, @Parameter(description = "The ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CollaborationView updated = collaborations.update(id, ifMatch, change);
        return ETags.tagged(updated, updated.version());
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "endCollaboration", summary = "End a collaboration",
            description = "On a day (today when none is given), with the reason: from the day after it makes no signals. 409 when it has"
                    + " ended already. By the coordinator, the corporation or an admin, for the version read (If-Match required).")
    @APIResponse(responseCode = "200", description = "The ended collaboration", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollaborationView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response end(@PathParam("id") UUID id, @NotNull @Valid CollaborationEnd end, @Parameter(description = "The ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CollaborationView ended = collaborations.end(id, ifMatch, end);
        return ETags.tagged(ended, ended.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getCollaborationHistory", summary = "The changes of a collaboration",
            description = "Who started, changed or ended it, when and why; newest first. For its members, its corporation and the admin.")
    public Page<AuditEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return collaborations.history(id, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createCollaboration", summary = "Start a collaboration",
            description = "A corporation starts a collaboration about its own figures: the partners, the areas, the coordinator, the period and the sharing scope.")
    @APIResponseSchema(value = CollaborationView.class, responseDescription = "The collaboration")
    public Response create(@NotNull @Valid NewCollaboration request, @Context UriInfo uri) {
        CollaborationView created = collaborations.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("/{collaborationId}/actions")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listCollaborationActions", summary = "The actions of a collaboration's workshops",
            description = "Due first; filter by status, owner or overdue (overdue=true: the overdue list). For the collaboration's members.")
    public Page<ActionView> actions(@PathParam("collaborationId") UUID collaboration, @Valid @BeanParam ActionFilter.WithOwner filter,
            @Valid @BeanParam PageRequest page) {
        return actions.ofCollaboration(collaboration, filter.status(), filter.ownerId, filter.overdue(), page);
    }
}
