package nl.leefbaarheid.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.catalog.api.RecommendationView;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.service.InterventionService;
import nl.leefbaarheid.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recommendations", description = "Interventions that fit an area's weak dimensions.")
public class RecommendationResource {

    @Inject
    InterventionService interventions;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CORPORATION, Roles.PARTNER })
    @Operation(operationId = "recommendInterventions", summary = "Recommend interventions for weak dimensions",
            description = "Published interventions that target at least one of the given weak dimensions, best first: fit (share of the weak dimensions targeted) and evidence (recognition level while still valid) weigh 0.45 each, feasibility with the given partner types 0.10. Each comes with its reasons.")
    public List<RecommendationView> recommend(
            @QueryParam("weakDimension") @NotEmpty @Size(max = 5)
            @Parameter(description = "A weak Leefbaarometer dimension of the area (won, fys, vrz, soc, onv); repeat for several, e.g. weakDimension=soc&weakDimension=onv.", required = true)
            List<Dimension> weakDimensions,
            @QueryParam("partnerType") @Size(max = 8)
            @Parameter(description = "A partner type available in the area; repeat for several. Without any, feasibility rests on whether the corporation can act alone.")
            List<PartnerType> partnerTypes,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100)
            @Parameter(description = "At most this many recommendations.", example = "10") int limit) {
        Set<PartnerType> available = partnerTypes == null || partnerTypes.isEmpty() ? null : EnumSet.copyOf(partnerTypes);
        return interventions.recommend(EnumSet.copyOf(weakDimensions), available, limit);
    }
}
