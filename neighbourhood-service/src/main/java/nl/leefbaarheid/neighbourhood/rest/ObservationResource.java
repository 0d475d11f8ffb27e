package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.api.ImportResult;
import nl.leefbaarheid.neighbourhood.api.LeefbaarometerImportResult;
import nl.leefbaarheid.neighbourhood.api.ObservationInput;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
import nl.leefbaarheid.neighbourhood.service.ImportService;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "Figures about areas coming in: the Leefbaarometer file and other batches.")
public class ObservationResource {

    static final String CSV = "text/csv";

    @Inject
    ImportService imports;

    @Inject
    Caller caller;

    @Inject
    ImportAnswers answers;

    @POST
    @Path("/leefbaarometer")
    @Consumes({ CSV, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importLeefbaarometer", summary = "Import a Leefbaarometer file of neighbourhoods, districts or municipalities",
            description = "The open-data CSV of one level: the code column decides it (bu_code, wk_code or gm_code; where a file has several, the finest), "
                    + "the name column (bu_naam, wk_naam, gm_naam) is optional; columns jaar, afw, won, fys, vrz, soc, onv and optionally lbm and the classes "
                    + "kscore or kafw, kwon, kfys, kvrz, ksoc, konv, in any order; other columns (such as an unnamed row-number column first) are ignored. "
                    + "Comma or semicolon separated (the header line decides), decimal point or comma, quoted fields (also over several lines, "
                    + "with doubled quotes), a byte order mark and CRLF line ends accepted; all years in one file. "
                    + "A row with some empty scores stores the others; a row whose scores are all empty is skipped (emptyRows: count and lines), "
                    + "and so is a row whose area is not registered for its year (unknownAreas: the latest year up to the row's year that the "
                    + "area's municipality is registered for applies). Any other bad line refuses the file: every one is named by its line "
                    + "(the line the row starts on) and nothing is stored. Importing the same file again changes nothing. "
                    + "Every changed area is recalculated, and the districts and municipalities above it: the official district and municipality "
                    + "scores give those areas their livability (classSource file where the file has classes, else derived from the score); "
                    + "where an area has none, its livability is rolled up from its neighbourhoods, weighted by households. "
                    + "A small file is imported before the answer (200); a file above 1 MB, or any file sent with Prefer: respond-async, "
                    + "is answered at once with 202 and an import job (Location: /api/v1/imports/{id}) to read until it is done (its "
                    + "answer is this one) or failed (its problem is the one this request would have had). Either way the file is read "
                    + "as it streams in and stored in one transaction: a refused or failed import stores nothing.")
    @RequestBody(content = @Content(mediaType = CSV, examples = {
            @ExampleObject(name = "neighbourhoods, semicolons and decimal commas",
                    value = "bu_code;bu_naam;jaar;lbm;afw;fys;onv;soc;vrz;won\nBU09990101;Centrum-Noord;2024;4,12;0,07;0,01;-0,02;0,03;0,04;0,01\n"),
            @ExampleObject(name = "districts, as pandas writes them",
                    value = ",wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\n0,WK099901,Centrum,2022,4.10,0.05,0.01,0.02,0.01,0.01,0.00\n"
                            + "1,WK099901,Centrum,2024,4.12,0.07,0.01,-0.02,0.03,0.04,0.01\n") },
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The file is imported", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LeefbaarometerImportResult.class)))
    @APIResponse(responseCode = "202", description = "The file is imported as a job: read it at Location until it is done or failed",
            headers = @Header(name = "Location", description = "The import job", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public Response leefbaarometer(InputStream csv, @Parameter(description = ImportAnswers.PREFER_DESCRIPTION, example = "respond-async")
            @HeaderParam(ImportAnswers.PREFER) String prefer, @Context HttpHeaders headers, @Context UriInfo uri) {
        return answers.answer(ImportJob.Kind.LEEFBAAROMETER, null, csv, headers, uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "importObservations", summary = "Import a batch of observations",
            description = "Figures of any indicator of the kapstok. Each row is checked (known indicator, value on its scale, a period that makes sense, a known area, your own complex); one bad row refuses the whole batch and the answer names every bad row as rows[i].field. Restricted figures (surveys, own reports) belong to the caller's corporation. The source leefbaarometer is the Leefbaarometer file import's own and is refused here.")
    public ImportResult batch(@NotNull @Size(min = 1, max = 50_000) List<ObservationInput> rows) {
        return imports.importBatch(rows, caller.corporationId(), caller.isAdmin(), "batch");
    }

    @POST
    @Consumes(CSV)
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "importObservationsCsv", summary = "Import a batch of observations as CSV",
            description = "Columns area_code, indicator, period, value and optionally complex_id, respondents, source, corporation_id; comma or semicolon separated. Checked as the JSON batch.")
    public ImportResult batchCsv(@NotNull String csv) {
        return imports.importBatch(imports.parseCsv(csv), caller.corporationId(), caller.isAdmin(), "csv");
    }
}
