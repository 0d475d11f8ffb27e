package nl.leefbaarheid.evaluation.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code nl.leefbaarheid.complex.registered.v1} on {@code neighbourhood.areas.v1} (key
 * {@code complex:<corporationId>:<complexId>}): the fields it uses; the producer may add others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplexRegistered(String corporationId, String complexId, String neighbourhoodCode, String name, Integer homes,
        Integer households) {

    public static final String TYPE = "nl.leefbaarheid.complex.registered.v1";
}
