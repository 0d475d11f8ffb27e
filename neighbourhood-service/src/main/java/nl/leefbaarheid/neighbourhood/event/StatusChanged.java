package nl.leefbaarheid.neighbourhood.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus;

/**
 * The data of {@code nl.leefbaarheid.area-status.changed.v1} on {@code neighbourhood.status.v1} (key: area
 * code): the new status, the version it replaces, what changed and why. Field names are the contract.
 *
 * <p>Tenant figures belong to the corporation that measured them, so the statuses here are public: without tenant
 * experience, and with the signals and priority that follow from public figures only. Each corporation's tenant
 * experience alone (its own marks and override) travels beside them, for a receiver that shows one corporation's
 * figures to those it shares them with (partner-service: a collaboration that shares surveys sees its corporation's).
 *
 * @param changes                   the changed parts of the public status, and {@code tenantExperience} when a
 *                                  corporation's experience changed
 * @param tenantExperiences         by corporation: the tenant experience of its own marks
 * @param previousTenantExperiences the same before this version; null for a first version
 */
public record StatusChanged(String areaCode, AreaLevel areaLevel, int version, Integer previousVersion,
        List<String> changes, String reason, AreaStatus status, AreaStatus previousStatus,
        Map<String, AreaStatus.TenantExperience> tenantExperiences, Map<String, AreaStatus.TenantExperience> previousTenantExperiences,
        Instant computedAt) {

    public static final String TOPIC = "neighbourhood.status.v1";
    public static final String TYPE = "nl.leefbaarheid.area-status.changed.v1";
}
