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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.CompleteRequest;
import nl.leefbaarheid.evaluation.api.DeploymentChange;
import nl.leefbaarheid.evaluation.api.DeploymentView;
import nl.leefbaarheid.evaluation.api.DueMeasurement;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.domain.EffectCalculator;
import nl.leefbaarheid.evaluation.service.DeploymentService;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "getDeployment", summary = "Read one deployment",
            description = "With its measurement plan; its ETag is the version to send in If-Match when changing it. 404 for other tenants.")
    @APIResponse(responseCode = "200", description = "The deployment", headers = @Header(name = "ETag", description = "Version to send in If-Match",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeploymentView.class)))
    public Response get(@PathParam("id") UUID id) {
        return tagged(deployments.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "updateDeployment", summary = "Change a deployment's plan, budget, partners or comparison areas",
            description = "Sets the fields given (the others stay; a list given replaces the list), until the deployment is completed or stopped"
                    + " (409 after). The start date changes only while it is planned (409 otherwise) and re-plans its measurement slots; the"
                    + " planned end must not lie before the start (400). The effect follows new comparison areas. If-Match is required: 428"
                    + " without it, 412 when the deployment changed since. The change raises the version and goes into the deployment's"
                    + " history with the reason, when given. The same values again change nothing. 404 for another corporation's.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeploymentChange.class),
            examples = @ExampleObject(name = "a later start", value = """
                    {"startDate": "2026-04-01", "comparisonAreas": ["BU09990203"], "reason": "The garden plot was not ready."}""")))
    @APIResponse(responseCode = "200", description = "The deployment as changed", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "409", description = "The deployment has ended, or the start date changes after it started", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = "The deployment changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid DeploymentChange change,
            @Parameter(description = "The ETag of the deployment as read (GET /api/v1/deployments/{id}). Required.")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(deployments.view(deployments.update(id, change, ifMatch)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getDeploymentHistory", summary = "Read what changed in a deployment's plan, newest first",
            description = "Its audit trail: each change with who (the token's subject, role and organisation), when, why and the deployment"
                    + " before and after. For whoever may read the deployment (404 otherwise).")
    @APIResponse(responseCode = "200", description = "The entries, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "#/components/schemas/PageAuditEntry"), examples = @ExampleObject(name = "a later start", value = """
                    {"items": [{"id": 4713, "recordKind": "deployment", "recordId": "5d7f0c1e-2a4b-4c3d-8e9f-0a1b2c3d4e5f", "action": "updated",
                      "actor": {"subject": "j.jansen", "role": "corporation", "organisation": "corp-demo"}, "at": "2026-02-20T10:00:00Z",
                      "reason": "The garden plot was not ready.", "changes": ["plan", "startDate", "version"],
                      "before": {"startDate": "2026-03-01", "version": 0}, "after": {"startDate": "2026-04-01", "version": 1}}],
                     "page": 0, "size": 20, "totalItems": 1, "totalPages": 1}""")))
    public Page<AuditEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return deployments.history(id, page);
    }

    private static Response tagged(DeploymentView deployment) {
        return Response.ok(deployment).tag(ETags.of(deployment.version())).build();
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
