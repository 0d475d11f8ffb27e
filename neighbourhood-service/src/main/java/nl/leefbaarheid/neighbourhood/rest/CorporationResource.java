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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import nl.leefbaarheid.neighbourhood.api.ColourOverrideRequest;
import nl.leefbaarheid.neighbourhood.api.ComplexChange;
import nl.leefbaarheid.neighbourhood.api.ComplexEnd;
import nl.leefbaarheid.neighbourhood.api.ComplexTransfer;
import nl.leefbaarheid.neighbourhood.api.ComplexView;
import nl.leefbaarheid.neighbourhood.api.NewComplex;
import nl.leefbaarheid.neighbourhood.api.StatusVersion;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.api.WorkingArea;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import nl.leefbaarheid.neighbourhood.service.Access;
import nl.leefbaarheid.neighbourhood.service.ComplexService;
import nl.leefbaarheid.neighbourhood.service.StatusQueries;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    static final String IF_MATCH = "The ETag of the complex as read (GET /api/v1/corporations/{corporationId}/complexes/{code}). Required.";
    static final String CONFLICT = "The complex has ended (sold, demolished or transferred): it no longer changes";
    static final String STALE = "The complex changed since the If-Match version";

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
    @APIResponse(responseCode = "200", description = "The complex", headers = @Header(name = "ETag", description = "Version to send in If-Match",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplexView.class)))
    public Response get(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId, @PathParam("code") String code) {
        readable(corporationId);
        return tagged(complexes.get(corporationId, code));
    }

    @PATCH
    @Path("/complexes/{code}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "updateComplex", summary = "Correct a complex: name, homes, households, neighbourhood",
            description = "Sets the fields given (the others stay). If-Match is required: 428 without it, 412 when the complex changed since;"
                    + " 409 once it has ended. A new neighbourhood or household count recalculates the complex and its neighbourhoods. The"
                    + " change goes to neighbourhood.areas.v1 (nl.leefbaarheid.complex.changed.v1) and into the complex's history with the"
                    + " reason, when given. The same values again change nothing. 404 for another corporation's complex.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplexChange.class),
            examples = @ExampleObject(name = "merged homes", value = "{\"homes\": 118, \"households\": 112, \"reason\": \"Two homes were merged.\"}")))
    @APIResponse(responseCode = "200", description = "The complex as changed", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplexView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = STALE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response update(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId,
            @PathParam("code") String code, @NotNull @Valid ComplexChange change,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(corporationId);
        return tagged(complexes.update(corporationId, code, change, ifMatch));
    }

    @POST
    @Path("/complexes/{code}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "endComplex", summary = "End a complex: the corporation sold or demolished it",
            description = "From endedOn the complex no longer counts for the corporation: figures of periods starting then or later are refused"
                    + " (here and at evaluation-service), and it leaves the working area. Its figures and status so far stay. If-Match is"
                    + " required (428, 412); 409 once it has ended. Goes to neighbourhood.areas.v1 (nl.leefbaarheid.complex.changed.v1,"
                    + " change ended) and into the complex's history.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplexEnd.class),
            examples = @ExampleObject(name = "sold", value = "{\"endedOn\": \"2027-01-01\", \"endReason\": \"sold\", \"reason\": \"Sold to a private landlord.\"}")))
    @APIResponse(responseCode = "200", description = "The ended complex", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplexView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = STALE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response end(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId,
            @PathParam("code") String code, @NotNull @Valid ComplexEnd end,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(corporationId);
        return tagged(complexes.end(corporationId, code, end, ifMatch));
    }

    @POST
    @Path("/complexes/{code}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "transferComplex", summary = "Transfer a complex to another corporation from a date",
            description = "The complex ends for its corporation on that day (endReason transferred) and the new owner holds it from then, at"
                    + " /api/v1/corporations/{toCorporationId}/complexes/{newComplexId} (the same id when none is given). Whose figures were whose"
                    + " stays: the tenant figures and observations stored keep their corporation, and so does the old complex's status and"
                    + " history; figures of periods starting on or after the date are the new owner's only. Both records go to"
                    + " neighbourhood.areas.v1 (nl.leefbaarheid.complex.changed.v1 with change transferred, nl.leefbaarheid.complex.registered.v1"
                    + " with since and transferredFrom) and into the history. If-Match is required (428, 412); 409 once the complex has ended or"
                    + " when the new owner has a complex with that id already; 400 for a transfer to the same corporation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplexTransfer.class),
            examples = @ExampleObject(name = "portfolio swap", value = "{\"toCorporationId\": \"corp-noord\", \"on\": \"2027-01-01\", \"reason\": \"Exchanged in the 2027 portfolio swap.\"}")))
    @APIResponse(responseCode = "200", description = "The complex as it ended for its corporation", headers = @Header(name = "ETag",
            description = "New version", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplexView.class)))
    @APIResponse(responseCode = "409", description = CONFLICT + ", or the new owner has a complex with that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = STALE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response transfer(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId,
            @PathParam("code") String code, @NotNull @Valid ComplexTransfer transfer,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        writable(corporationId);
        return tagged(complexes.transfer(corporationId, code, transfer, ifMatch));
    }

    @GET
    @Path("/complexes/{code}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getComplexHistory", summary = "Read what changed in a complex, newest first",
            description = "Its audit trail: registered (or taken over), each correction, its end or transfer, each with who (the token's subject,"
                    + " role and organisation), when, why and the complex before and after. For whoever may read the complex.")
    @APIResponse(responseCode = "200", description = "The entries, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "#/components/schemas/PageAuditEntry"), examples = @ExampleObject(name = "a transfer", value = """
                    {"items": [{"id": 88, "recordKind": "complex", "recordId": "complex:corp-demo:ZH-01", "action": "transferred",
                      "actor": {"subject": "j.jansen", "role": "corporation", "organisation": "corp-demo"}, "at": "2026-12-01T10:00:00Z",
                      "reason": "Exchanged in the 2027 portfolio swap.", "changes": ["endReason", "endedOn", "transferredTo", "version"],
                      "before": {"code": "ZH-01", "version": 0}, "after": {"code": "ZH-01", "version": 1, "endedOn": "2027-01-01",
                      "endReason": "transferred", "transferredTo": "corp-noord"}}], "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""")))
    public Page<AuditEntry> complexHistory(@PathParam("corporationId") @Pattern(regexp = ID, message = ID_MESSAGE) String corporationId,
            @PathParam("code") String code, @Valid @BeanParam PageRequest page) {
        readable(corporationId);
        return complexes.history(corporationId, code, page);
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

    private static Response tagged(HousingComplex complex) {
        return Response.ok(ComplexView.of(complex)).tag(ETags.of(complex.version)).build();
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
