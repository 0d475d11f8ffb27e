package nl.leefbaarheid.catalog.api;

import java.util.List;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.domain.Recommender.Recommendation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Recommendation", description = "A published intervention recommended for an area's weak dimensions, with why.")
public record RecommendationView(
        @Schema(example = "gemeenschappelijke-moestuin") String interventionId,
        @Schema(example = "2") int revision,
        @Schema(example = "Gemeenschappelijke moestuin") String title,
        @Schema(example = "Bewoners leggen samen een moestuin aan.") String summary,
        @Schema(example = "samenleven") String subtopicCode,
        @Schema(description = "0 to 1: fit and evidence weigh 0.45 each, feasibility 0.10.", example = "0.72") double score,
        @Schema(description = "The weak dimensions it targets.", example = "[\"soc\"]") List<Dimension> matchedDimensions,
        @Schema(example = "well-founded") EvidenceLevel evidenceLevel,
        @Schema(description = "Whether the evidence rating is still valid.") boolean evidenceCurrent,
        @Schema(example = "low") CostBand costBand,
        boolean corporationAlone,
        @Schema(description = "Partner types it needs that are not available (only when partner types were given).")
        List<PartnerType> missingPartnerTypes,
        @Schema(description = "Whether it can be carried out with the partners at hand.") boolean feasible,
        @Schema(description = "Why it is recommended and at this place.") List<String> reasons) {

    public static RecommendationView of(Recommendation r) {
        var spec = r.candidate().spec();
        return new RecommendationView(r.candidate().interventionId(), r.candidate().revision(), spec.title(), spec.summary(),
                spec.subtopicCode(), r.score(), r.matchedDimensions(), spec.evidenceLevel(), r.evidenceCurrent(),
                spec.costBand(), spec.corporationAlone(), r.missingPartnerTypes(), r.feasible(), r.reasons());
    }
}
