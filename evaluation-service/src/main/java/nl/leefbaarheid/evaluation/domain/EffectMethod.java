package nl.leefbaarheid.evaluation.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** The effect measurement method of an intervention revision, as the catalogue publishes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EffectMethod(List<String> indicators, String instrument, Integer baselineMonths, Integer interimMonths,
        Integer finalMonths, String expectedDirection, BigDecimal minimalRelevantChange) {

    public boolean expectsIncrease() {
        return !"decrease".equals(expectedDirection);
    }
}
