package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import nl.leefbaarheid.neighbourhood.api.BoundaryCollection;
import nl.leefbaarheid.neighbourhood.api.BoundaryImportResult;
import nl.leefbaarheid.neighbourhood.api.ImportJobView;
import nl.leefbaarheid.neighbourhood.domain.ImportJob;
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

@Path("/api/v1/areas/boundaries")
@Tag(name = "Areas")
public class BoundaryResource {

    static final String GEO_JSON = "application/geo+json";
    static final String EXAMPLE = """
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
             "features": [{"type": "Feature", "properties": {"buurtcode": "BU09990101", "buurtnaam": "Oude Haven", "wijkcode": "WK099901", "gemeentecode": "GM0999"},
               "geometry": {"type": "Polygon", "coordinates": [[[140000, 451000], [141200, 451000], [141200, 452100], [140000, 452100], [140000, 451000]]]}}]}""";

    @Inject
    ImportAnswers answers;

    @POST
    @Consumes({ GEO_JSON, MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importAreaBoundaries", summary = "Import the boundaries of a year's areas from the CBS wijk- en buurtkaart",
            description = "A GeoJSON FeatureCollection of municipalities, districts and neighbourhoods (one file or several, in any mix), each"
                    + " area registered for the year. The code is the feature's buurtcode, wijkcode, gemeentecode or statcode (the most"
                    + " detailed given). Coordinates in RD New (EPSG:28992, as CBS publishes them; reprojected to WGS84) or WGS84, named in"
                    + " the crs member or seen from their range. Each geometry must be a valid Polygon or MultiPolygon (JTS); the service"
                    + " keeps it and a simplified form for overview maps (GET /api/v1/maps/livability, /resilience). The body streams through"
                    + " (memory holds one feature at a time). All or nothing: every bad feature is named (features[i]: code and reason:"
                    + " invalid geometry, unknown code for the year, missing code) and nothing is stored. Boundaries of the year not in the file"
                    + " stay; the same file again changes nothing. The answer counts added, changed and unchanged boundaries by level. A file"
                    + " above 1 MB (a province or the whole country), or any sent with Prefer: respond-async, is answered at once with 202 and"
                    + " an import job (Location: /api/v1/imports/{id}; progress in features read and stored) whose answer, when done, is this"
                    + " one. A body above 32 MB is refused (413): send the national map in parts (by province or level): each part adds its"
                    + " areas and leaves the others.")
    @RequestBody(required = true, content = {
            @Content(mediaType = GEO_JSON, schema = @Schema(implementation = BoundaryCollection.class),
                    examples = @ExampleObject(name = "a neighbourhood in RD New", value = EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoundaryCollection.class),
                    examples = @ExampleObject(name = "a neighbourhood in RD New", value = EXAMPLE)) })
    @APIResponse(responseCode = "200", description = "What was stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BoundaryImportResult.class)))
    @APIResponse(responseCode = "202", description = "The file is imported as a job: read it at Location until it is done or failed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)),
            headers = @Header(name = "Location", description = "The import job", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "Features that cannot be imported, each named; nothing was stored")
    public Response importBoundaries(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) @Parameter(required = true, description = "The year of the boundaries: its areas must be registered.",
                    example = "2024") Integer year,
            InputStream body, @Parameter(description = ImportAnswers.PREFER_DESCRIPTION, example = "respond-async")
            @HeaderParam(ImportAnswers.PREFER) String prefer, @Context HttpHeaders headers, @Context UriInfo uri) {
        return answers.answer(ImportJob.Kind.AREA_BOUNDARIES, year, body, headers, uri);
    }
}
