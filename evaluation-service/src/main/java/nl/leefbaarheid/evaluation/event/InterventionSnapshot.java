package nl.leefbaarheid.evaluation.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import nl.leefbaarheid.evaluation.domain.EffectMethod;

/**
 * This service's reading of the snapshots on {@code catalog.interventions.v1} (key: intervention id): the fields
 * it uses; the producer may add others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InterventionSnapshot(String interventionId, Integer revision, String status, String title,
        EffectMethod effectMeasurement) {

    public static final String TOPIC = "catalog.interventions.v1";
    public static final java.util.Set<String> TYPES = java.util.Set.of("nl.leefbaarheid.intervention.published.v1",
            "nl.leefbaarheid.intervention.revised.v1", "nl.leefbaarheid.intervention.retired.v1");
}
