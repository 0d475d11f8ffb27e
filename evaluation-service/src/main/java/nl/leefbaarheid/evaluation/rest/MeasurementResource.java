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
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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

    static final String KEY_DESCRIPTION = "Makes a retry safe: the same key with the same body stores nothing again and gets the first answer; with another body it is refused (422).";

    @Inject
    MeasurementService measurements;

    @POST
    @Operation(operationId = "recordMeasurement", summary = "Record one measurement",
            description = "Checked against the kapstok (known indicator, value on its scale), the period, the area code and, when given, the deployment's area, comparison areas and plan.")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = RecordedMeasurements.class)))
    public Response record(@NotNull MeasurementInput measurement,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = KEY_DESCRIPTION) String key) {
        return answer(measurements.record(List.of(measurement), key));
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "recordMeasurements", summary = "Record a batch of measurements",
            description = "All or nothing: one bad row refuses the batch and the answer names every bad row (measurements[i].field).")
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(schema = @Schema(implementation = RecordedMeasurements.class)))
    public Response recordBatch(@NotNull @Valid MeasurementBatch batch,
            @HeaderParam("Idempotency-Key") @Size(max = 200) @Parameter(description = KEY_DESCRIPTION) String key) {
        return answer(measurements.record(batch.measurements(), key));
    }

    private static Response answer(Idempotency.Answer answer) {
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON).build();
    }
}
