package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.leefbaarheid.neighbourhood.api.AreaView;
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.domain.TenantBasis;
import nl.leefbaarheid.neighbourhood.api.NewArea;
import nl.leefbaarheid.neighbourhood.api.StatusVersion;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.service.Access;
import nl.leefbaarheid.neighbourhood.service.AreaService;
import nl.leefbaarheid.neighbourhood.service.ComplexService;
import nl.leefbaarheid.neighbourhood.service.StatusQueries;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Areas", description = "CBS municipalities, districts and neighbourhoods, per year.")
public class AreaResource {

    static final String AREA = AreaLevel.CODE_PATTERN;

    @Inject
    StatusQueries queries;

    @Inject
    ComplexService complexes;

    @Inject
    Access access;

    @Inject
    Caller caller;

    @Inject
    AreaService areas;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listAreas", summary = "List areas", description = "Filter by level, parent area and year.")
    public Page<AreaView> list(
            @QueryParam("level") @Pattern(regexp = "municipality|district|neighbourhood", message = "must be one of: municipality, district, neighbourhood")
            @Parameter(description = "municipality, district or neighbourhood", example = "neighbourhood") String level,
            @QueryParam("parent") @Pattern(regexp = AreaLevel.CODE_PATTERN, message = "must be a CBS code") @Parameter(example = "GM0999") String parent,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(example = "2024") Integer year,
            @Valid @BeanParam PageRequest page) {
        return areas.list(level == null ? null : AreaLevel.valueOf(level.toUpperCase()), parent, year, page);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getArea", summary = "Read one area", description = "In the given year, or its latest year.")
    public AreaView get(@PathParam("code") @Parameter(example = "BU09990101") String code,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        return areas.get(code, year);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createArea", summary = "Register an area for a year",
            description = "The level follows from the CBS code; a district or neighbourhood names the area it lies in, registered for the same year. The same code and year again is refused with 409.")
    @APIResponseSchema(value = AreaView.class, responseDescription = "The area")
    public Response create(@NotNull @Valid NewArea request, @Context UriInfo uri) {
        AreaView created = areas.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).queryParam("year", created.year()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{code}/status")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAreaStatus", summary = "Read the current status of an area",
            description = "Neighbourhoods from their observations; districts and municipalities aggregated from their neighbourhoods, weighted by households. Tenant figures only for callers with access to a corporation that owns complexes there.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class)))
    public Response status(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code) {
        // the view as written once per stored version of the status (StatusViewCache), not serialised per request
        return Response.ok(queries.statusJson(code), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{code}/status/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAreaStatusHistory", summary = "Read every version of an area's status",
            description = "Newest first, each with what changed and why.")
    public Page<StatusVersion> history(@PathParam("code") @Pattern(regexp = AREA, message = "must be a CBS area code") String code,
            @Valid @BeanParam PageRequest page) {
        return queries.history(code, page);
    }

    @PUT
    @Path("/{code}/tenant-colour-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "overrideAreaColour", summary = "Override the tenant colour of a neighbourhood",
            description = "For a professional who does not recognise the computed colour. The override is the caller's corporation's own (one per corporation; the admin's is seen by the admin only): the status shows it, with reason, author and date beside the computed colour, to those who may see that corporation's figures. A corporation needs a complex in the neighbourhood.")
    public StatusView override(@PathParam("code") @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code") String code,
            @NotNull @Valid ColourOverrideRequest request) {
        complexes.override(code, code, null, overrideOwner(code), request, caller.name());
        return queries.status(code);
    }

    @DELETE
    @Path("/{code}/tenant-colour-override")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "removeAreaColourOverride", summary = "Remove the tenant colour override of a neighbourhood",
            description = "The caller's corporation's override is removed; the computed colour (or another corporation's override) applies again.")
    public StatusView removeOverride(@PathParam("code") @Pattern(regexp = "BU\\d{4}[0-9A-Z]{4}", message = "must be a neighbourhood code") String code) {
        complexes.override(code, code, null, overrideOwner(code), null, caller.name());
        return queries.status(code);
    }

    /** The owner of the caller's override of a neighbourhood: its corporation, which needs a complex there, or the admin. */
    private String overrideOwner(String code) {
        if (!access.ownsComplexIn(code)) {
            throw ProblemException.forbidden("Only a corporation with complexes in " + code + " may set its tenant colour.");
        }
        return caller.corporationId().orElse(TenantBasis.ADMIN);
    }
}
