package nl.leefbaarheid.neighbourhood.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.entity.Indicator;

/**
 * The indicators of the kapstok, by code. They change only with a migration, that is with a new release of this
 * service: read once, not for every batch of measurements or every recalculation. Nothing changes the instances.
 */
@ApplicationScoped
public class Kapstok {

    private volatile Map<String, Indicator> indicators;

    public Map<String, Indicator> indicators() {
        Map<String, Indicator> known = indicators;
        if (known == null) {
            Map<String, Indicator> read = new HashMap<>();
            Indicator.<Indicator>listAll().forEach(i -> read.put(i.code, i));
            indicators = known = Map.copyOf(read);
        }
        return known;
    }
}
