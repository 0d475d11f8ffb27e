package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.service.ImportJobs;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Large files imported in the background: the Leefbaarometer file and the area registry.")
public class ImportJobResource {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Inject
    ImportJobs jobs;

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getImportJob", summary = "Read an import job",
            description = "An import answered with 202 (a file above 1 MB, or one sent with Prefer: respond-async): its state (queued, running, "
                    + "done, failed), its progress (rows read and stored, areas recalculated, a percentage), and when done the import's answer, "
                    + "when failed the problem the import would have answered (a refused file: every bad line). Read it again until it is "
                    + "done or failed; a job whose service stopped is failed and stored nothing. Jobs are kept 30 days after they finished "
                    + "(neighbourhood.imports.keep).")
    @APIResponse(responseCode = "200", description = "The job as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportJobView.class), examples = {
                    @ExampleObject(name = "running", value = """
                            {"id": "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11", "kind": "leefbaarometer", "state": "running", "bytes": 11534336,
                             "createdBy": "admin", "createdAt": "2026-10-02T09:14:03Z", "startedAt": "2026-10-02T09:14:03.200Z",
                             "progress": {"rowsRead": 65700, "rowsStored": 65400, "areasRecalculated": 0, "percentage": 30}}"""),
                    @ExampleObject(name = "failed: the file is refused", value = """
                            {"id": "4d2a6e0b-1f3c-4b8e-9d7a-5c6b7a8e9f01", "kind": "area-registry", "year": 2024, "state": "failed",
                             "bytes": 1650000, "createdBy": "admin", "createdAt": "2026-10-02T09:20:00Z",
                             "startedAt": "2026-10-02T09:20:00.100Z", "finishedAt": "2026-10-02T09:20:01Z",
                             "progress": {"rowsRead": 18266, "rowsStored": 0, "areasRecalculated": 0, "percentage": 60},
                             "problem": {"type": "https://leefbaarheid.nl/problems/validation-failed", "title": "Validation failed",
                                         "status": 400, "detail": "The file has 1 error; nothing was stored.",
                                         "instance": "/api/v1/imports/4d2a6e0b-1f3c-4b8e-9d7a-5c6b7a8e9f01",
                                         "errors": [{"field": "line 137 (HuishoudensTotaal_29)",
                                                     "message": "'veel' is not a count (a whole number of 0 or more, or . when missing)"}]}}""") }))
    public ImportJobView get(@PathParam("id") @Pattern(regexp = UUID, message = "must be the id of an import job (a UUID)")
            @Parameter(example = "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11") String id) {
        return jobs.find(id);
    }
}
