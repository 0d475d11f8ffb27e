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
import nl.leefbaarheid.neighbourhood.api.AreaView;
import nl.leefbaarheid.neighbourhood.api.NewArea;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.platform.paging.Page;
import nl.leefbaarheid.neighbourhood.platform.paging.PageRequest;
import nl.leefbaarheid.neighbourhood.platform.security.Roles;
import nl.leefbaarheid.neighbourhood.service.AreaService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Areas", description = "CBS municipalities, districts and neighbourhoods, per year.")
public class AreaResource {

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
    @Operation(operationId = "createArea", summary = "Register an area for a year")
    public Response create(@NotNull @Valid NewArea request, @Context UriInfo uri) {
        AreaView created = areas.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).queryParam("year", created.year()).build())
                .entity(created).build();
    }
}
