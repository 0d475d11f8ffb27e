package nl.leefbaarheid.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.leefbaarheid.evaluation.api.AreaReference;
import nl.leefbaarheid.evaluation.api.ComplexReference;
import nl.leefbaarheid.evaluation.service.ReferenceData;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Caller;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
@Tag(name = "Reference data", description = "The area registry and the complexes as this service knows it from neighbourhood-service (neighbourhood.areas.v1): what measurements are checked against.")
public class ReferenceResource {

    @Inject
    ReferenceData reference;

    @Inject
    Caller caller;

    @GET
    @Path("/areas/{code}")
    @Operation(operationId = "getReferenceArea", summary = "Read an area as measurements are checked against it",
            description = "An area registered at neighbourhood-service reaches this service about a second later: a caller that registers"
                    + " areas and then measures at once can wait until this answers 200. With a year, the area as it counts for"
                    + " measurements of a period in that year (registered for the latest registry year up to it); 404 when it does not count.")
    @APIResponse(responseCode = "200", description = "The area counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AreaReference.class), examples = @ExampleObject(name = "neighbourhood", value = """
                    {"code": "BU09990101", "year": 2024, "level": "neighbourhood", "name": "Oude Haven", "parentCode": "WK099901", "households": 3100, "homes": 3350}""")))
    public AreaReference area(@PathParam("code") @Parameter(description = "CBS code", example = "BU09990101") String code,
            @QueryParam("year") @Min(2000) @Max(2100) @Parameter(description = "The year of a measurement's period.", example = "2026") Integer year) {
        return reference.area(code, year)
                .orElseThrow(() -> ProblemException.notFound("area", year == null ? code : code + " for " + year));
    }

    @GET
    @Path("/corporations/{corporationId}/complexes/{complexId}")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION })
    @Operation(operationId = "getReferenceComplex", summary = "Read a housing complex as measurements are checked against it",
            description = "A complex registered at neighbourhood-service reaches this service about a second later; until then a measurement"
                    + " naming it is refused. An ended or transferred complex says since when: measurements of periods from then on are refused. A corporation reads only its own complexes (404 for another's).")
    @APIResponse(responseCode = "200", description = "The complex is known", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ComplexReference.class), examples = @ExampleObject(name = "complex", value = """
                    {"corporationId": "corp-demo", "complexId": "ZH-01", "neighbourhoodCode": "BU09990201", "endedOn": "2027-01-01",
                     "endReason": "transferred", "transferredTo": "corp-noord"}""")))
    public ComplexReference complex(@PathParam("corporationId") @Parameter(example = "corp-demo") String corporationId,
            @PathParam("complexId") @Parameter(example = "ZH-01") String complexId) {
        boolean visible = caller.isAdmin() || caller.corporationId().filter(corporationId::equals).isPresent();
        return reference.complex(corporationId, complexId).filter(c -> visible)
                .orElseThrow(() -> ProblemException.notFound("complex", corporationId + "/" + complexId));
    }
}
