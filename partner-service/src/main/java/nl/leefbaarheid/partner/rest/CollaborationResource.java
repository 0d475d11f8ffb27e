package nl.leefbaarheid.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.partner.api.ActionFilter;
import nl.leefbaarheid.partner.api.ActionView;
import nl.leefbaarheid.partner.api.CollaborationView;
import nl.leefbaarheid.partner.api.NewCollaboration;
import nl.leefbaarheid.partner.service.ActionService;
import nl.leefbaarheid.partner.service.CollaborationService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    public CollaborationView get(@PathParam("id") UUID id) {
        return collaborations.get(id);
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
