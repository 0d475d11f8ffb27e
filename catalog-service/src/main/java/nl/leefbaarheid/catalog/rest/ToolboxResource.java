package nl.leefbaarheid.catalog.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import nl.leefbaarheid.catalog.api.ImportReport;
import nl.leefbaarheid.catalog.api.InterventionFilter;
import nl.leefbaarheid.catalog.service.InterventionService;
import nl.leefbaarheid.catalog.service.ToolboxService;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/toolbox")
@Tag(name = "Toolbox workbook", description = "The catalogue as an Excel workbook, for those who keep their toolbox in Excel.")
public class ToolboxResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ToolboxService toolbox;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "leefbaarheid.max-body-size")
    MemorySize maxSize;

    @GET
    @Produces(XLSX)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "exportToolbox", summary = "Download the toolbox as an Excel workbook",
            description = "A sheet per theme with a row per intervention and its measurement method in columns, after an explanation sheet. Takes the filters of the intervention list; without a status filter the published interventions.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@Valid @BeanParam InterventionFilter filter, @Context UriInfo uri) {
        boolean seeDrafts = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.CORPORATION);
        String selection = uri.getRequestUri().getRawQuery() == null ? "Alle gepubliceerde interventies"
                : "Filter: " + uri.getRequestUri().getRawQuery();
        byte[] workbook = toolbox.export(filter, seeDrafts, selection);
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"toolbox-leefbaarheid-"
                        + LocalDate.now(InterventionService.ZONE) + ".xlsx\"")
                .build();
    }

    @POST
    @Consumes({ XLSX, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "importToolbox", summary = "Import a toolbox workbook",
            description = "All or nothing. Rows without a code, or with a code not yet known, are added (as drafts, or published when their status says so); changed rows of a published intervention become a new revision; a draft is edited. A workbook with any error is refused whole, with every error named by sheet, row and column.")
    @RequestBody(required = true, content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "What happened per row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importWorkbook(byte[] workbook) {
        if (workbook == null || workbook.length == 0) {
            throw ProblemException.invalid("body", "must be an .xlsx workbook");
        }
        if (workbook.length > maxSize.asLongValue()) {
            throw new ProblemException(413, "payload-too-large", "Payload too large", "The workbook has "
                    + workbook.length + " bytes; at most " + maxSize.asLongValue() + " are accepted.", List.of());
        }
        return toolbox.importWorkbook(workbook);
    }
}
