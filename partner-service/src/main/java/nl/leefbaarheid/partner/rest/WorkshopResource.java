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
import nl.leefbaarheid.partner.api.NewWorkshop;
import nl.leefbaarheid.partner.api.WorkshopView;
import nl.leefbaarheid.partner.service.WorkService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/collaborations/{collaborationId}/workshops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
@Tag(name = "Workshops", description = "Workshops of a collaboration: problems pinned per area, the priority list and the actions chosen.")
public class WorkshopResource {

    @Inject
    WorkService work;

    @GET
    @Operation(operationId = "listWorkshops", summary = "List the workshops of a collaboration", description = "Newest first; for its members only.")
    public Page<WorkshopView> list(@PathParam("collaborationId") UUID collaboration, @Valid @BeanParam PageRequest page) {
        return work.workshops(collaboration, page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWorkshop", summary = "Read a workshop with its priority list",
            description = "Pins ordered by severity times votes, and the actions chosen, each with owner, due date and whether the corporation can do it alone.")
    public WorkshopView get(@PathParam("collaborationId") UUID collaboration, @PathParam("id") UUID id) {
        return work.workshop(collaboration, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWorkshop", summary = "Record a workshop", description = "Its participants, the areas on the table, the pinned problems with votes per partner and the actions chosen.")
    @APIResponseSchema(value = WorkshopView.class, responseDescription = "The workshop with its priority list")
    public Response create(@PathParam("collaborationId") UUID collaboration, @NotNull @Valid NewWorkshop request, @Context UriInfo uri) {
        WorkshopView created = work.createWorkshop(collaboration, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }
}
