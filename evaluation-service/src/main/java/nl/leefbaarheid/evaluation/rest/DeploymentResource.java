package nl.leefbaarheid.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.CompleteRequest;
import nl.leefbaarheid.evaluation.api.DeploymentView;
import nl.leefbaarheid.evaluation.api.DueMeasurement;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.domain.EffectCalculator;
import nl.leefbaarheid.evaluation.service.DeploymentService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Interventions deployed in an area by a corporation, their plan and their effect.")
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listDeployments", summary = "List deployments",
            description = "A corporation sees its own deployments, a partner those it is involved in, an admin all; newest start first.")
    public Page<DeploymentView> list(@Valid @BeanParam PageRequest page) {
        return deployments.list(page);
    }

    @GET
    @Path("/due")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "listDueMeasurements", summary = "List measurements that are due or overdue",
            description = "Plan slots of planned and running deployments due within the given days (or past due) whose indicators are not all measured yet, earliest first.")
    public Page<DueMeasurement> due(@QueryParam("withinDays") @DefaultValue("30") @Min(0) @Max(366)
            @Parameter(description = "Include slots due within this many days.", example = "30") int withinDays,
            @Valid @BeanParam PageRequest page) {
        return deployments.due(withinDays, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getDeployment", summary = "Read one deployment", description = "With its measurement plan; 404 for other tenants.")
    public DeploymentView get(@PathParam("id") UUID id) {
        return deployments.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createDeployment", summary = "Deploy an intervention in an area",
            description = "The revision must be published (as this service heard from catalog.interventions.v1). Its effect measurement method becomes the deployment's measurement plan: baseline, interim and final due dates from the start date.")
    @APIResponseSchema(value = DeploymentView.class, responseDescription = "The deployment with its measurement plan")
    public Response create(@NotNull @Valid NewDeployment request, @Context UriInfo uri) {
        DeploymentView created = deployments.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "startDeployment", summary = "Mark a planned deployment as running", description = "409 when it is not planned.")
    public DeploymentView start(@PathParam("id") UUID id) {
        return deployments.start(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "completeDeployment", summary = "Complete a deployment and publish its effect",
            description = "Computes the effect per planned indicator (difference in differences with the comparison areas), keeps it with the deployment and publishes it to evaluation.results.v1.")
    public DeploymentView complete(@PathParam("id") UUID id, @Valid CompleteRequest request) {
        return deployments.complete(id, request == null ? null : request.endDate());
    }

    @POST
    @Path("/{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "stopDeployment", summary = "Stop a deployment early, with the reason", description = "No effect is published for a stopped deployment.")
    public DeploymentView stop(@PathParam("id") UUID id, @NotNull @Valid CompleteRequest request) {
        return deployments.stop(id, request.endDate(), request.reason());
    }

    @GET
    @Path("/{id}/effect")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getDeploymentEffect", summary = "Read the measured effect of a deployment",
            description = "Per planned indicator: baseline, interim and final values, the change, the comparison areas' change over the same slots, the effect (the difference), the minimal relevant change and a verdict (improved, no-clear-change, worsened, not-enough-data). As it stands now, or as published at completion.")
    public EffectCalculator.Effect effect(@PathParam("id") UUID id) {
        return deployments.effectOf(id);
    }
}
