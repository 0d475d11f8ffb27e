package nl.leefbaarheid.neighbourhood.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.leefbaarheid.neighbourhood.entity.Indicator;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The kapstok: what is measured about an area.")
@RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
public class IndicatorResource {

    @GET
    @Operation(operationId = "listIndicators", summary = "List the indicators",
            description = "Code, name, unit, scale, direction, dimension, minimum respondent count, and whether the figures are restricted to their owner.")
    public List<Indicator> list() {
        return Indicator.listAll(Sort.by("code"));
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicator", summary = "Read one indicator", description = "Answers 404 for an unknown code.")
    public Indicator get(@PathParam("code") String code) {
        Indicator indicator = Indicator.findById(code);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        return indicator;
    }
}
