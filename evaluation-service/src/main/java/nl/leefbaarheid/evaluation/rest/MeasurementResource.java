package nl.leefbaarheid.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.evaluation.api.MeasurementBatch;
import nl.leefbaarheid.evaluation.api.MeasurementCorrection;
import nl.leefbaarheid.evaluation.api.MeasurementInput;
import nl.leefbaarheid.evaluation.api.MeasurementView;
import nl.leefbaarheid.evaluation.api.MeasurementWithdrawal;
import nl.leefbaarheid.evaluation.api.NewDeployment;
import nl.leefbaarheid.evaluation.api.RecordedMeasurements;
import nl.leefbaarheid.evaluation.api.WithdrawnMeasurements;
import nl.leefbaarheid.evaluation.domain.Period;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.evaluation.service.Idempotency;
import nl.leefbaarheid.evaluation.service.MeasurementCorrections;
import nl.leefbaarheid.evaluation.service.MeasurementQueries;
import nl.leefbaarheid.evaluation.service.MeasurementService;
import nl.leefbaarheid.platform.audit.AuditEntry;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
@Tag(name = "Measurements", description = "Values of indicators for areas, one or thousands at a time, read back, corrected and withdrawn;"
        + " each of these goes on to evaluation.measurements.v1.")
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

    static final String INDICATOR = "[a-z][a-z0-9.-]{0,79}";

    static final String IF_MATCH = "The ETag of the measurement as read (GET /api/v1/measurements/{id}).";

    static final String CORRECTED_EXAMPLE = """
            {"id": "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11", "areaCode": "BU09990201", "indicator": "tenant.feeling-at-home", "value": 7.4,
             "period": "2026-Q3", "respondents": 54, "instrument": "survey", "sourceSystem": "enquete-tool", "corporationId": "corp-demo",
             "recordedAt": "2026-10-02T09:14:03Z", "state": "corrected", "version": 1, "correctedAt": "2026-10-03T08:12:44Z"}""";

    static final String HISTORY_EXAMPLE = """
            {"items": [{"id": 4712, "recordKind": "measurement", "recordId": "0b9f5c2e-6c1a-4c5e-9a57-2f0c3d1e8a11", "action": "corrected",
              "actor": {"subject": "j.jansen", "role": "corporation", "organisation": "corp-demo"}, "at": "2026-10-03T08:12:44Z",
              "reason": "The survey export used the wrong column.", "changes": ["correctedAt", "state", "value", "version"],
              "before": {"value": 4.1, "state": "recorded", "version": 0}, "after": {"value": 7.4, "state": "corrected", "version": 1}}],
             "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""";

    @Inject
    MeasurementService measurements;

    @Inject
    MeasurementQueries queries;

    @Inject
    MeasurementCorrections corrections;

    @GET
    @Operation(operationId = "listMeasurements", summary = "List measurements, newest first",
            description = "A corporation sees its own measurements (those of its deployments included), an admin all of them; withdrawn ones"
                    + " too, marked as such, unless withdrawn=false.")
    public Page<MeasurementView> list(
            @QueryParam("area") @Pattern(regexp = NewDeployment.NEIGHBOURHOOD, message = "must be a neighbourhood code such as BU09990101")
            @Parameter(description = "Only those of this neighbourhood.", example = "BU09990201") String area,
            @QueryParam("complex") @Pattern(regexp = MeasurementService.COMPLEX_ID_PATTERN, message = "must be a complex id")
            @Parameter(description = "Only those of this complex of the corporation.", example = "ZH-01") String complex,
            @QueryParam("deployment") @Parameter(description = "Only those of this deployment.") UUID deployment,
            @QueryParam("indicator") @Pattern(regexp = INDICATOR, message = "must be an indicator code such as tenant.feeling-at-home")
            @Parameter(description = "Only those of this indicator.", example = "tenant.feeling-at-home") String indicator,
            @QueryParam("period") @Pattern(regexp = Period.PATTERN, message = "must be a year, quarter or month such as 2026-Q3")
            @Parameter(description = "Only those of this period.", example = "2026-Q3") String period,
            @QueryParam("sourceSystem") @Size(min = 1, max = 120) @Parameter(description = "Only those from this system.", example = "enquete-tool")
            String sourceSystem,
            @QueryParam("sourceBatch") @Size(min = 1, max = 120) @Parameter(description = "Only those of this source batch.", example = "export-2026-10-02")
            String sourceBatch,
            @QueryParam("withdrawn") @Pattern(regexp = "true|false", message = "must be true or false")
            @Parameter(description = "true: only withdrawn ones; false: only those that count.", schema = @Schema(type = SchemaType.BOOLEAN))
            String withdrawn,
            @Valid @BeanParam PageRequest page) {
        return queries.list(new MeasurementQueries.Filter(area, complex, deployment, indicator, period, sourceSystem, sourceBatch,
                withdrawn == null ? null : Boolean.valueOf(withdrawn)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMeasurement", summary = "Read one measurement",
            description = "As it stands: recorded, corrected or withdrawn. Its ETag is the version to send in If-Match when correcting it;"
                    + " 404 for another corporation's.")
    @APIResponse(responseCode = "200", description = "The measurement", headers = @Header(name = "ETag", description = "Version to send in If-Match",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasurementView.class), examples = @ExampleObject(name = "corrected", value = CORRECTED_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return tagged(queries.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "correctMeasurement", summary = "Correct a measurement, with the reason",
            description = "Sets the value, respondents or date of measurement given (the others stay), checked as when recording (the value on"
                    + " the indicator's scale: 422 otherwise). If-Match is required: 428 without it, 412 when the measurement changed since."
                    + " 409 when it was withdrawn or its deployment has ended; 404 for another corporation's. The correction raises the version,"
                    + " goes to evaluation.measurements.v1 (nl.leefbaarheid.measurement.corrected.v1, key: the area) and into the measurement's"
                    + " history with the reason; neighbourhood-service recalculates the area with the corrected value, and a running deployment's"
                    + " effect counts it. The same values again change nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasurementCorrection.class),
            examples = @ExampleObject(name = "a wrong column", value = "{\"value\": 7.4, \"reason\": \"The survey export used the wrong column.\"}")))
    @APIResponse(responseCode = "200", description = "The corrected measurement", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasurementView.class), examples = @ExampleObject(name = "corrected", value = CORRECTED_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The measurement was withdrawn, or its deployment has ended", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = "The measurement changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "422", description = "The value is off the indicator's scale", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response correct(@PathParam("id") UUID id, @NotNull @Valid MeasurementCorrection correction,
            @Parameter(description = IF_MATCH + " Required.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(corrections.correct(id, correction, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "withdrawMeasurement", summary = "Withdraw a measurement, with the reason",
            description = "The measurement stays, marked withdrawn, and no longer counts: neighbourhood-service recalculates the area without it"
                    + " (nl.leefbaarheid.measurement.withdrawn.v1 on evaluation.measurements.v1, key: the area) and a running deployment's"
                    + " effect leaves it out. If-Match is optional; when given it must be the current ETag (412 otherwise). 409 when it was"
                    + " withdrawn before or its deployment has ended; 404 for another corporation's.")
    @APIResponse(responseCode = "200", description = "The withdrawn measurement", headers = @Header(name = "ETag", description = "New version",
            schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "409", description = "Withdrawn before, or its deployment has ended", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "412", description = "The measurement changed since the If-Match version", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response withdraw(@PathParam("id") UUID id,
            @QueryParam("reason") @NotBlank @Size(max = 2000) @Parameter(required = true, description = "Why: kept in the measurement's history.",
                    example = "Recorded twice.") String reason,
            @Parameter(description = IF_MATCH + " Optional.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(corrections.withdraw(id, reason, ifMatch));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getMeasurementHistory", summary = "Read what happened to a measurement, newest first",
            description = "Its audit trail: recorded, each correction and the withdrawal, each with who (the token's subject, role and"
                    + " organisation), when, why and the measurement before and after. For whoever may read the measurement.")
    @APIResponse(responseCode = "200", description = "The entries, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "#/components/schemas/PageAuditEntry"), examples = @ExampleObject(name = "a correction", value = HISTORY_EXAMPLE)))
    public Page<AuditEntry> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return queries.history(id, page);
    }

    @POST
    @Path("/withdrawals")
    @Operation(operationId = "withdrawMeasurementBatch", summary = "Withdraw a batch of measurements in one call, with the reason",
            description = "Every measurement recorded with the Idempotency-Key, or with the sourceBatch, given: all of them or, when one of them"
                    + " belongs to a deployment that has ended (409), none. Those withdrawn before are counted, not withdrawn again. A corporation"
                    + " withdraws its own; 404 when it has none of the batch. Each withdrawal goes on as withdrawMeasurement's does.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasurementWithdrawal.class),
            examples = @ExampleObject(name = "by idempotency key", value = "{\"idempotencyKey\": \"enquete-2026-q3\", \"reason\": \"The export held the wrong quarter.\"}")))
    @APIResponse(responseCode = "200", description = "What was withdrawn", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WithdrawnMeasurements.class)))
    public WithdrawnMeasurements withdrawBatch(@NotNull @Valid MeasurementWithdrawal request) {
        return corrections.withdrawBatch(request);
    }

    private static Response tagged(Measurement measurement) {
        return Response.ok(MeasurementView.of(measurement)).tag(ETags.of(measurement.version)).build();
    }

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
