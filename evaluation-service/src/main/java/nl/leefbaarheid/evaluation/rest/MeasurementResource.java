package nl.leefbaarheid.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nl.leefbaarheid.evaluation.api.MeasurementBatch;
import nl.leefbaarheid.evaluation.api.MeasurementInput;
import nl.leefbaarheid.evaluation.api.RecordedMeasurements;
import nl.leefbaarheid.evaluation.service.Idempotency;
import nl.leefbaarheid.evaluation.service.MeasurementService;
import nl.leefbaarheid.platform.problem.Problem;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
@Tag(name = "Measurements", description = "Values of indicators for areas, one or thousands at a time; each goes on to evaluation.measurements.v1.")
public class MeasurementResource {

    static final String MALFORMED = "Malformed, nothing stored: problem details (validation-failed) naming every invalid field"
            + " (measurements[i].field in a batch), such as an areaCode that is no neighbourhood code or a period that is no period;"
            + " the measurements that are well formed but refused (422) are named beside them.";

    static final String REFUSED = "Well formed, but refused at once because neighbourhood-service would refuse it later; nothing"
            + " stored: problem details (validation-failed) naming every refused field (measurements[i].field in a batch): its areaCode is not registered for the registry year that applies to the period (the latest registered year up to the"
            + " period's year; an area registered only for later years does not count); its complexId is not a complex of the corporation, or"
            + " the complex lies in another neighbourhood (areaCode); its indicator is not in the kapstok; its value is off the indicator's"
            + " scale; its period lies before 2000 or has not started yet (its first day, in the Netherlands, is after today). Areas,"
            + " complexes and the kapstok come from neighbourhood-service (neighbourhood.areas.v1), about a second after they are registered"
            + " there: GET /api/v1/reference/areas/{code}?year= answers 200 once an area counts. Also 422 (idempotency-key-reused): the"
            + " Idempotency-Key was used before for another request.";

    static final String REFUSED_EXAMPLE = """
            {"type": "https://leefbaarheid.nl/problems/validation-failed", "title": "Validation failed", "status": 422,
             "detail": "The measurement has 1 error; nothing was stored.", "instance": "/api/v1/measurements",
             "errors": [{"field": "areaCode", "message": "BU09980101 is not a registered area for 2026 (the area registry of 2024 applies)"}]}""";

    static final String KEY_DESCRIPTION = "Makes a retry safe: the same key with the same body stores nothing again and gets the first answer; with another body it is refused (422).";

    @Inject
    MeasurementService measurements;

    @POST
    @Operation(operationId = "recordMeasurement", summary = "Record one measurement",
            description = "Checked as neighbourhood-service will check it: against the area registry for the period's year, the corporation's"
                    + " complexes and the kapstok (known indicator, value on its scale), and the period (2000 or later, started); and, when given,"
                    + " against the deployment's area, comparison areas and plan.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = RecordedMeasurements.class)))
    @APIResponse(responseCode = "400", description = MALFORMED, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "422", description = REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "unregistered-area", value = REFUSED_EXAMPLE)))
    public Response record(@NotNull MeasurementInput measurement,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = KEY_DESCRIPTION) String key) {
        return answer(measurements.record(List.of(measurement), key));
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "recordMeasurements", summary = "Record a batch of measurements",
            description = "All or nothing: one bad row refuses the batch and the answer names every bad row (measurements[i].field). Each row"
                    + " is checked as a single measurement is.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = RecordedMeasurements.class)))
    @APIResponse(responseCode = "400", description = MALFORMED, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "422", description = REFUSED, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response recordBatch(@NotNull @Valid MeasurementBatch batch,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = KEY_DESCRIPTION) String key) {
        return answer(measurements.record(batch.measurements(), key));
    }

    private static Response answer(Idempotency.Answer answer) {
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON).build();
    }
}
