package nl.leefbaarheid.evaluation.rest;

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
import nl.leefbaarheid.evaluation.api.DeploymentView;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.platform.paging.Page;
import nl.leefbaarheid.evaluation.platform.paging.PageRequest;
import nl.leefbaarheid.evaluation.platform.security.Roles;
import nl.leefbaarheid.evaluation.service.DeploymentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
@Tag(name = "Deployments", description = "Interventions deployed in an area by a corporation.")
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @GET
    @Operation(operationId = "listDeployments", summary = "List deployments",
            description = "A corporation sees its own deployments, an admin all of them; newest start first.")
    public Page<DeploymentView> list(@Valid @BeanParam PageRequest page) {
        return deployments.list(page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeployment", summary = "Read one deployment")
    public DeploymentView get(@PathParam("id") UUID id) {
        return deployments.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDeployment", summary = "Deploy an intervention in an area")
    public Response create(@NotNull @Valid NewDeployment request, @Context UriInfo uri) {
        DeploymentView created = deployments.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }
}
