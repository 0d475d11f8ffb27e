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
import nl.leefbaarheid.partner.api.AgreementView;
import nl.leefbaarheid.partner.api.NewAgreement;
import nl.leefbaarheid.partner.api.NewProgress;
import nl.leefbaarheid.partner.service.AgreementService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    public AgreementView get(@PathParam("id") UUID id) {
        return agreements.agreement(id);
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
}
