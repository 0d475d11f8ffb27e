package nl.leefbaarheid.neighbourhood.event;

import java.time.Instant;
import java.util.List;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;

/**
 * The data of {@code nl.leefbaarheid.area-status.changed.v1} on {@code neighbourhood.status.v1} (key: area
 * code): the new status, the version it replaces, what changed and why. Field names are the contract.
 */
public record StatusChanged(String areaCode, AreaLevel areaLevel, int version, Integer previousVersion,
        List<String> changes, String reason, AreaStatus status, AreaStatus previousStatus, Instant computedAt) {

    public static final String TOPIC = "neighbourhood.status.v1";
    public static final String TYPE = "nl.leefbaarheid.area-status.changed.v1";
}
