package nl.leefbaarheid.evaluation.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code nl.leefbaarheid.measurement.recorded.v1} on {@code evaluation.measurements.v1} (key: area
 * code). Field names are the contract of the architecture.
 */
public record MeasurementRecorded(UUID measurementId, String areaCode, String complexId, String indicator, double value,
        String period, LocalDate measuredOn, Integer respondents, String instrument, UUID deploymentId, String slot,
        String corporationId, Instant recordedAt) {

    public static final String TOPIC = "evaluation.measurements.v1";
    public static final String TYPE = "nl.leefbaarheid.measurement.recorded.v1";
}
