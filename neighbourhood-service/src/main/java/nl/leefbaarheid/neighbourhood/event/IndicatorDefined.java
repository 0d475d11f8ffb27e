package nl.leefbaarheid.neighbourhood.event;

import java.math.BigDecimal;

/**
 * The data of {@code nl.leefbaarheid.indicator.defined.v1} on {@code neighbourhood.areas.v1} (key
 * {@code indicator:<code>}): a definition of the kapstok, with what a producer needs to check a value. Indicators are
 * defined by this service's migrations, which publish them. Field names are the contract.
 */
public record IndicatorDefined(String code, String name, String unit, BigDecimal scaleMin, BigDecimal scaleMax,
        boolean higherIsBetter, String dimension, Integer minRespondents, boolean restricted) {

    public static final String TYPE = "nl.leefbaarheid.indicator.defined.v1";

    public String key() {
        return "indicator:" + code;
    }
}
