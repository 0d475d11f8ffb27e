package nl.leefbaarheid.neighbourhood.event;

import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.entity.Area;

/**
 * The data of {@code nl.leefbaarheid.area.registered.v1} on the compacted topic {@code neighbourhood.areas.v1} (key
 * {@code area:<code>:<year>}): an area of the registry in one year, so that producers of measurements can refuse at
 * once what this service would refuse later. Field names are the contract.
 */
public record AreaRegistered(String code, int year, AreaLevel level, String name, String parentCode, Integer households,
        Integer homes, Integer corporationHomes) {

    public static final String TOPIC = "neighbourhood.areas.v1";
    public static final String TYPE = "nl.leefbaarheid.area.registered.v1";

    public static AreaRegistered of(Area area) {
        return new AreaRegistered(area.code, area.year, area.level, area.name, area.parentCode, area.households, area.homes,
                area.corporationHomes);
    }

    public String key() {
        return "area:" + code + ":" + year;
    }
}
