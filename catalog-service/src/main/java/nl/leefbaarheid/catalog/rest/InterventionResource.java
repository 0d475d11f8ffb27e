package nl.leefbaarheid.catalog.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import nl.leefbaarheid.catalog.api.InterventionFilter;
import nl.leefbaarheid.catalog.api.InterventionView;
import nl.leefbaarheid.catalog.api.RetireRequest;
import nl.leefbaarheid.catalog.api.RevisionSummary;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.service.InterventionService;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions", description = "The interventions of the toolbox: create, revise, publish, retire and search.")
public class InterventionResource {

    private static final String IF_MATCH_DESCRIPTION = "The ETag of the intervention as read; the change is refused with 412 if it changed since.";

    @Inject
    InterventionService interventions;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listInterventions", summary = "Search the toolbox",
            description = "Published interventions by default, in toolbox order (theme, subtopic, title). Filters combine with and; a repeated parameter means any of its values. Free text matches all words in title or summary, ignoring case and accents.")
    public Page<InterventionView> list(@Valid @BeanParam InterventionFilter filter, @Valid @BeanParam PageRequest page) {
        return interventions.list(filter, page, seeDrafts());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createIntervention", summary = "Add an intervention as a draft",
            description = "The draft is revision 1; publish it to make it visible to partners and to other services. Without a code, one is made from the title.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterventionView.class)),
            headers = {
            @Header(name = "Location", description = "URL of the new intervention", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Version to send in If-Match", schema = @Schema(type = SchemaType.STRING)) })
    public Response create(@NotNull @Valid InterventionSpec spec, @Context UriInfo uri) {
        InterventionView created = interventions.create(spec);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getIntervention", summary = "Read an intervention in its current revision",
            description = "The current revision is the latest published one, or the draft of an intervention never published (drafts for admin and corporation roles only).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterventionView.class)),
            headers = @Header(name = "ETag", description = "Version to send in If-Match", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("id") String id) {
        InterventionView view = interventions.get(id, seeDrafts());
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "reviseIntervention", summary = "Change an intervention",
            description = "A draft is edited in place. A published intervention gets a new revision, published at once and sent to catalog.interventions.v1; earlier revisions stay readable. The same content again changes nothing. A retired intervention cannot change (409).")
    @APIResponse(responseCode = "200", description = "The intervention after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterventionView.class)),
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The intervention changed since the If-Match version")
    public Response revise(@PathParam("id") String id, @NotNull @Valid InterventionSpec spec,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        InterventionView view = interventions.change(id, spec, ETags.expectedVersion(ifMatch)).intervention();
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "publishIntervention", summary = "Publish a draft",
            description = "Makes the draft visible to every role and sends its snapshot to catalog.interventions.v1. Publishing twice is refused (409).")
    @APIResponse(responseCode = "200", description = "The published intervention", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterventionView.class)),
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The intervention changed since the If-Match version")
    public Response publish(@PathParam("id") String id,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        InterventionView view = interventions.publish(id, ETags.expectedVersion(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "retireIntervention", summary = "Retire an intervention",
            description = "It stays readable with its revisions, but is no longer recommended or changed. A published one is announced on catalog.interventions.v1.")
    @APIResponse(responseCode = "200", description = "The retired intervention", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterventionView.class)),
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "412", description = "The intervention changed since the If-Match version")
    public Response retire(@PathParam("id") String id, @NotNull @Valid RetireRequest request,
            @Parameter(description = IF_MATCH_DESCRIPTION) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        InterventionView view = interventions.retire(id, request.reason(), ETags.expectedVersion(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listInterventionRevisions", summary = "List the revisions of an intervention",
            description = "Oldest first. Evaluations refer to the revision they used.")
    public List<RevisionSummary> revisions(@PathParam("id") String id) {
        return interventions.revisions(id, seeDrafts());
    }

    @GET
    @Path("/{id}/revisions/{revision}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getInterventionRevision", summary = "Read one revision of an intervention",
            description = "Earlier revisions stay readable as they were published.")
    public InterventionView revision(@PathParam("id") String id, @PathParam("revision") @Min(1) int revision) {
        return interventions.getRevision(id, revision, seeDrafts());
    }

    private boolean seeDrafts() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.CORPORATION);
    }
}
