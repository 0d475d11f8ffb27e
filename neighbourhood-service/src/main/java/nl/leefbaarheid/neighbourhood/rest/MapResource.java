package nl.leefbaarheid.neighbourhood.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.Compressed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import nl.leefbaarheid.neighbourhood.api.AreaMap;
import nl.leefbaarheid.neighbourhood.service.MapQueries;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import nl.leefbaarheid.platform.web.ETags;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/maps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maps", description = "Status maps as GeoJSON: neighbourhood boundaries with what the caller may see of their status.")
public class MapResource {

    static final String WHOSE = "Give a municipality or a corporation (its working area: the neighbourhoods where it has complexes; for those"
            + " who may see that corporation's figures, else 404). Compressed (gzip, deflate) for clients that accept it. ";
    static final String CACHING = " The answer carries an ETag of its content, which differs between callers who see different figures,"
            + " and Cache-Control private, no-cache: send the ETag back in If-None-Match to get 304 while nothing changed.";

    @Inject
    MapQueries maps;

    @Inject
    ObjectMapper json;

    @GET
    @Compressed
    @Path("/resilience")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getResilienceMap", summary = "The resilience map of a municipality or a working area",
            description = WHOSE + "A GeoJSON FeatureCollection with one feature per neighbourhood: its simplified boundary (null before"
                    + " boundaries were imported) and its livability class and label, resilience quadrant and priority. The priority is the one"
                    + " the caller may see (see rankAreas)." + CACHING)
    @APIResponse(responseCode = "200", description = "The map", headers = {
            @Header(name = "ETag", description = "Of the content as this caller sees it", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "private, no-cache", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaMap.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response resilience(@QueryParam("municipality") @Pattern(regexp = StatusResource.MUNICIPALITY, message = "must be a municipality code such as GM0999")
            @Parameter(example = "GM0999") String municipality,
            @QueryParam("corporation") @Size(max = 64) @Parameter(description = "Map the corporation's working area.", example = "corp-demo") String corporation,
            @Context Request request) {
        return answer(map(municipality, corporation, MapQueries.Kind.RESILIENCE), request);
    }

    @GET
    @Compressed
    @Path("/livability")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "getLivabilityMap", summary = "The livability map of a municipality or a working area",
            description = WHOSE + "A GeoJSON FeatureCollection with one feature per neighbourhood: its simplified boundary (null before"
                    + " boundaries were imported), its Leefbaarometer class, label and deviation, the classes of the five dimensions, and, as"
                    + " in getAreaStatus, the tenant colour and priority from the tenant figures the caller may see (its own corporation's and"
                    + " those shared with it; all for the admin); restricted where there are figures it may not see." + CACHING)
    @APIResponse(responseCode = "200", description = "The map", headers = {
            @Header(name = "ETag", description = "Of the content as this caller sees it", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Cache-Control", description = "private, no-cache", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AreaMap.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response livability(@QueryParam("municipality") @Pattern(regexp = StatusResource.MUNICIPALITY, message = "must be a municipality code such as GM0999")
            @Parameter(example = "GM0999") String municipality,
            @QueryParam("corporation") @Size(max = 64) @Parameter(description = "Map the corporation's working area.", example = "corp-demo") String corporation,
            @Context Request request) {
        return answer(map(municipality, corporation, MapQueries.Kind.LIVABILITY), request);
    }

    private AreaMap map(String municipality, String corporation, MapQueries.Kind kind) {
        if ((municipality == null) == (corporation == null)) {
            throw ProblemException.invalid("municipality", "give either a municipality or a corporation");
        }
        return municipality != null ? maps.municipality(municipality, kind) : maps.workingArea(corporation, kind);
    }

    private Response answer(AreaMap map, Request request) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a map failed", e);
        }
        return ETags.conditional(request, body, MediaType.APPLICATION_JSON_TYPE);
    }
}
