package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.api.ComplexView;
import nl.leefbaarheid.neighbourhood.api.NewComplex;
import nl.leefbaarheid.neighbourhood.api.StatusVersion;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.api.WorkingArea;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.service.Access;
import nl.leefbaarheid.neighbourhood.service.ComplexService;
import nl.leefbaarheid.neighbourhood.service.StatusQueries;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A corporation's own data: its complexes and their statuses, its working area, and which partners it shares
 * them with. Another tenant gets 404, never the data.
 */
@Path("/api/v1/corporations/{corporationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corporations", description = "Housing complexes, working areas and data sharing of a corporation.")
public class CorporationResource {

    /** Corporation and organisation ids, as partner-service registers them. */
    static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String ID_MESSAGE = "must be lower-case words joined by hyphens";

    @Inject
    ComplexService complexes;

    @Inject
    StatusQueries queries;

    @Inject
    Access access;

    @Inject
    Caller caller;

    @GET
    @Path("/complexes")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listComplexes", summary = "List a corporation's complexes",
            description = "For the corporation itself, the admin and partners it shares its figures with.")
    public List<ComplexView> list(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId) {
        readable(corporationId);
        return complexes.list(corporationId);
    }

    @POST
    @Path("/complexes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createComplex", summary = "Register a complex", description = "A corporation registers its own complexes; the complex lies in one known neighbourhood.")
    @APIResponseSchema(value = ComplexView.class, responseDescription = "The complex")
    public Response create(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @NotNull @Valid NewComplex request, @Context UriInfo uri) {
        writable(corporationId);
        ComplexView created = complexes.create(corporationId, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Path("/complexes/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getComplex", summary = "Read a complex", description = "404 for callers without access to the corporation.")
    public ComplexView get(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("code") String code) {
        readable(corporationId);
        return ComplexView.of(complexes.get(corporationId, code));
    }

    @GET
    @Path("/complexes/{code}/status")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getComplexStatus", summary = "Read the status of a complex", description = "Its tenant experience and other complex-level figures.")
    public StatusView status(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("code") String code) {
        readable(corporationId);
        return queries.status(complexes.get(corporationId, code).subject());
    }

    @GET
    @Path("/complexes/{code}/status/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getComplexStatusHistory", summary = "Read every version of a complex's status", description = "Newest first.")
    public Page<StatusVersion> history(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("code") String code,
            @Valid @BeanParam PageRequest page) {
        readable(corporationId);
        return queries.history(complexes.get(corporationId, code).subject(), page);
    }

    @PUT
    @Path("/complexes/{code}/tenant-colour-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "overrideComplexColour", summary = "Override the tenant colour of a complex",
            description = "The status shows the override with reason, author and date beside the computed colour.")
    public StatusView override(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("code") String code,
            @NotNull @Valid ColourOverrideRequest request) {
        writable(corporationId);
        HousingComplex complex = complexes.get(corporationId, code);
        // the complex's corporation owns its override, also when the admin sets it: the figures are that corporation's
        complexes.override(complex.subject(), null, complex.id, corporationId, request, caller.name());
        return queries.status(complex.subject());
    }

    @GET
    @Path("/working-area")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getWorkingArea", summary = "Read the corporation's working area and its status",
            description = "The neighbourhoods where it owns complexes, and their status aggregated by households. Its tenant experience counts the marks in those neighbourhoods that the caller may see: its own corporation's and those shared with it (the admin: all).")
    public WorkingArea workingArea(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId) {
        readable(corporationId);
        return queries.workingArea(corporationId);
    }

    @GET
    @Path("/shares")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "listShares", summary = "List the partners that may see the corporation's figures", description = "Organisation ids.")
    public List<String> shares(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId) {
        writable(corporationId);
        return complexes.shares(corporationId);
    }

    @PUT
    @Path("/shares/{organisationId}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "shareWithPartner", summary = "Let a partner see the corporation's figures",
            description = "Complexes, their statuses and the tenant figures of areas where the corporation owns complexes.")
    @APIResponse(responseCode = "204", description = "Shared")
    public Response share(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("organisationId") @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId) {
        writable(corporationId);
        complexes.share(corporationId, organisationId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/shares/{organisationId}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "stopSharingWithPartner", summary = "Stop sharing the corporation's figures with a partner", description = "Takes effect at once.")
    @APIResponse(responseCode = "204", description = "No longer shared")
    public Response unshare(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("organisationId") @Pattern(regexp = ID, message = ID_MESSAGE) String organisationId) {
        writable(corporationId);
        complexes.unshare(corporationId, organisationId);
        return Response.noContent().build();
    }

    private void readable(String corporationId) {
        if (!access.mayReadCorporation(corporationId)) {
            throw ProblemException.notFound("corporation", corporationId);
        }
    }

    private void writable(String corporationId) {
        if (!access.mayWriteCorporation(corporationId)) {
            throw ProblemException.notFound("corporation", corporationId);
        }
    }
}
