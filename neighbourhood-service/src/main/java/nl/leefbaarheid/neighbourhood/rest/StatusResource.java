package nl.leefbaarheid.neighbourhood.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.RankedArea;
import nl.leefbaarheid.neighbourhood.api.Recalculation;
import nl.leefbaarheid.neighbourhood.api.StatusView;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.service.Access;
import nl.leefbaarheid.neighbourhood.service.StatusQueries;
import nl.leefbaarheid.neighbourhood.service.StatusService;
import nl.leefbaarheid.platform.paging.Page;
import nl.leefbaarheid.platform.paging.PageRequest;
import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "The computed status of areas: livability, resilience, tenant experience, signals and priority.")
public class StatusResource {

    static final String AREA = AreaLevel.CODE_PATTERN;
    static final String MUNICIPALITY = "GM\\d{4}";

    @Inject
    StatusQueries queries;

    @Inject
    Access access;

    @Inject
    StatusService statuses;

    @GET
    @Path("/rankings")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "rankAreas", summary = "Rank the areas of a municipality or a working area",
            description = "By priority (highest first) or by the deviation or a dimension's score (weakest first). Areas with few households are flagged and come last. Give a municipality or a corporation (its working area; restricted to those with access to that corporation). The priority is the one the caller may see: its tenant term counts only the tenant figures of the caller's own corporation and those shared with it (all for the admin).")
    public Page<RankedArea> ranking(
            @QueryParam("municipality") @Pattern(regexp = MUNICIPALITY, message = "must be a municipality code such as GM0999")
            @Parameter(example = "GM0999") String municipality,
            @QueryParam("corporation") @Size(max = 64) @Parameter(description = "Rank the corporation's working area.", example = "corp-demo") String corporation,
            @QueryParam("level") @DefaultValue("neighbourhood") @Parameter(description = "neighbourhood or district") String level,
            @QueryParam("by") @DefaultValue("priority") @Parameter(description = "priority, deviation, won, fys, vrz, soc or onv") String by,
            @Valid @BeanParam PageRequest page) {
        if ((municipality == null) == (corporation == null)) {
            throw ProblemException.invalid("municipality", "give either a municipality or a corporation");
        }
        if (!StatusQueries.RANK_BY.contains(by)) {
            throw ProblemException.invalid("by", "must be one of " + String.join(", ", StatusQueries.RANK_BY));
        }
        AreaLevel areaLevel = switch (level) {
            case "neighbourhood" -> AreaLevel.NEIGHBOURHOOD;
            case "district" -> AreaLevel.DISTRICT;
            default -> throw ProblemException.invalid("level", "must be neighbourhood or district");
        };
        if (corporation != null && (!access.mayReadCorporation(corporation) || areaLevel != AreaLevel.NEIGHBOURHOOD)) {
            throw access.mayReadCorporation(corporation) ? ProblemException.invalid("level", "a working area is ranked by neighbourhood")
                    : ProblemException.notFound("working area of corporation", corporation);
        }
        return queries.ranking(municipality, corporation, areaLevel, by, page);
    }

    @GET
    @Path("/comparisons")
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "compareAreas", summary = "Compare areas side by side",
            description = "The statuses of two to ten areas, in the order asked, each as the caller may see it (see getAreaStatus).")
    public List<StatusView> compare(@QueryParam("area") @Size(min = 2, max = 10, message = "give two to ten areas")
            @Parameter(description = "An area code; repeat it, e.g. area=BU09990101&area=BU09990202.") List<@Pattern(regexp = AREA, message = "must be a CBS area code") String> areas) {
        return areas.stream().map(queries::status).toList();
    }

    @POST
    @Path("/status-recalculations")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recalculateStatuses", summary = "Recalculate every status of a municipality from scratch",
            description = "Recalculates every neighbourhood, complex, district and the municipality itself from the stored observations, as after a change of the status settings. A status that comes out the same keeps its version; a changed one gets a new version, a history entry and an event. After a consumer's restart, changedStatuses 0 shows that the stored statuses are what the observations give.")
    public Recalculation recalculate(@QueryParam("municipality") @NotNull @Pattern(regexp = MUNICIPALITY, message = "must be a municipality code such as GM0999")
            @Parameter(required = true, example = "GM0999") String municipality) {
        return new Recalculation(municipality, statuses.recalculateMunicipality(municipality, "recalculation of " + municipality));
    }
}
