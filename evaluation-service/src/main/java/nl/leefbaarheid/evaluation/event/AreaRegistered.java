package nl.leefbaarheid.evaluation.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code nl.leefbaarheid.area.registered.v1} on {@code neighbourhood.areas.v1} (key
 * {@code area:<code>:<year>}): the fields it uses; the producer may add others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AreaRegistered(String code, Integer year, String level, String name, String parentCode, Integer households,
        Integer homes) {

    public static final String TOPIC = "neighbourhood.areas.v1";
    public static final String TYPE = "nl.leefbaarheid.area.registered.v1";
}
