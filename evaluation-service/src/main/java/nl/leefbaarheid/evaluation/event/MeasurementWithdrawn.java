package nl.leefbaarheid.evaluation.event;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code nl.leefbaarheid.measurement.withdrawn.v1} on {@code evaluation.measurements.v1} (key: area code, as
 * the measurement's own events): the measurement no longer counts. Its revision is above every correction's.
 */
public record MeasurementWithdrawn(UUID measurementId, String areaCode, String complexId, String indicator, String period,
        UUID deploymentId, String corporationId, long revision, Instant withdrawnAt) {

    public static final String TYPE = "nl.leefbaarheid.measurement.withdrawn.v1";
}
