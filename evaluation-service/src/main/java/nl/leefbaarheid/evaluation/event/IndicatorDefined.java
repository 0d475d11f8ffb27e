package nl.leefbaarheid.evaluation.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * This service's reading of {@code nl.leefbaarheid.indicator.defined.v1} on {@code neighbourhood.areas.v1} (key
 * {@code indicator:<code>}): a definition of the kapstok, the fields it uses; the producer may add others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorDefined(String code, String name, String unit, BigDecimal scaleMin, BigDecimal scaleMax,
        String dimension, Integer minRespondents, Boolean restricted) {

    public static final String TYPE = "nl.leefbaarheid.indicator.defined.v1";
}
