package nl.leefbaarheid.partner.rest;

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
import nl.leefbaarheid.partner.api.AgreementChange;
import nl.leefbaarheid.partner.api.AgreementView;
import nl.leefbaarheid.partner.api.NewAgreement;
import nl.leefbaarheid.partner.api.NewProgress;
import nl.leefbaarheid.partner.api.ProgressCorrection;
import nl.leefbaarheid.partner.service.AgreementService;
import nl.leefbaarheid.platform.audit.AuditEntry;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Performance agreements (prestatieafspraken) per municipality and year, with progress.")
public class AgreementResource {

    @Inject
    AgreementService agreements;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "listAgreements", summary = "List the agreements of a municipality",
            description = "Ordered by year, due date and title. A partner sees the agreements of its own municipality only (others answer an empty page).")
    public Page<AgreementView> list(
            @QueryParam("municipality") @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code such as GM0999")
            @Parameter(required = true, example = "GM0999") String municipality,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(example = "2026") Integer year,
            @Valid @BeanParam PageRequest page) {
        return agreements.agreements(municipality, year, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAgreement", summary = "Read an agreement with its progress", description = "404 for partners of another municipality.")
    @APIResponse(responseCode = "200", description = "The agreement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("id") UUID id) {
        AgreementView agreement = agreements.agreement(id);
        return ETags.tagged(agreement, agreement.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "updateAgreement", summary = "Correct an agreement",
            description = "Title, owner, indicator, area, target value or due date; by a corporation of the municipality or an admin, for the"
                    + " version read (If-Match required: 428 without, 412 when it changed since). Kept in its history with the reason.")
    @APIResponse(responseCode = "200", description = "The agreement after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class)), headers = @Header(name = "ETag", description = "Version to send in If-Match",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid AgreementChange change, @Parameter(description = "The ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AgreementView updated = agreements.update(id, ifMatch, change);
        return ETags.tagged(updated, updated.version());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getAgreementHistory", summary = "The changes of an agreement",
            description = "Who created, corrected it or its progress, when and why; newest first. For those who may read the agreement.")
    public Page<AuditEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return agreements.history(id, page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "createAgreement", summary = "Record an agreement", description = "With its owner, optionally an indicator, area and target value, and a due date.")
    @APIResponseSchema(value = AgreementView.class, responseDescription = "The agreement")
    public Response create(@NotNull @Valid NewAgreement request, @Context UriInfo uri) {
        AgreementView created = agreements.createAgreement(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @POST
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "reportAgreementProgress", summary = "Report progress on an agreement", description = "By its owner, a corporation or an admin.")
    public AgreementView progress(@PathParam("id") UUID id, @NotNull @Valid NewProgress request) {
        return agreements.report(id, request);
    }

    @PATCH
    @Path("/{id}/progress/{progressId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "correctAgreementProgress", summary = "Correct a progress report",
            description = "Its value or note, with the reason (shown with the report and kept in the agreement's history); by those who report"
                    + " progress, for the agreement's version read (If-Match required: 428 without, 412 when it changed since).")
    @APIResponse(responseCode = "200", description = "The agreement after the correction", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementView.class)), headers = @Header(name = "ETag", description = "New version",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response correctProgress(@PathParam("id") UUID id, @PathParam("progressId") long progressId,
            @NotNull @Valid ProgressCorrection correction,
            @Parameter(description = "The agreement's ETag as read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AgreementView corrected = agreements.correct(id, progressId, ifMatch, correction);
        return ETags.tagged(corrected, corrected.version());
    }
}
