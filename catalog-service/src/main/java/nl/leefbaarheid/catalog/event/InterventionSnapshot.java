package nl.leefbaarheid.catalog.event;

import java.time.Instant;
import java.util.List;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.EffectMeasurement;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.domain.Strategy;

/**
 * The data of the events on {@code catalog.interventions.v1}: a snapshot of one revision, enough for a
 * consumer to plan and judge measurements without calling the catalogue. Field names are the contract.
 */
public record InterventionSnapshot(
        String interventionId,
        int revision,
        InterventionStatus status,
        String title,
        String summary,
        String themeCode,
        String subtopicCode,
        Strategy strategy,
        List<Dimension> dimensions,
        List<String> indicators,
        boolean corporationAlone,
        List<PartnerType> partnerTypes,
        CostBand costBand,
        EvidenceLevel evidenceLevel,
        EffectMeasurement effectMeasurement,
        Instant publishedAt) {

    public static final String TOPIC = "catalog.interventions.v1";
    public static final String PUBLISHED = "nl.leefbaarheid.intervention.published.v1";
    public static final String REVISED = "nl.leefbaarheid.intervention.revised.v1";
    public static final String RETIRED = "nl.leefbaarheid.intervention.retired.v1";

    public static InterventionSnapshot of(String id, int revision, InterventionStatus status, String themeCode,
            InterventionSpec spec, Instant publishedAt) {
        return new InterventionSnapshot(id, revision, status, spec.title(), spec.summary(), themeCode,
                spec.subtopicCode(), spec.strategy(), spec.dimensions(), spec.indicators(), spec.corporationAlone(),
                spec.partnerTypes(), spec.costBand(), spec.evidenceLevel(), spec.effectMeasurement(), publishedAt);
    }
}
