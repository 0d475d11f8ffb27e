package nl.leefbaarheid.evaluation.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code nl.leefbaarheid.measurement.corrected.v1} on {@code evaluation.measurements.v1} (key: area code, as
 * the measurement's own events): the measurement as it is now, and its revision (1 for the first correction), so that a
 * consumer keeps the latest of its corrections whatever order they reach it in.
 */
public record MeasurementCorrected(UUID measurementId, String areaCode, String complexId, String indicator, double value,
        String period, LocalDate measuredOn, Integer respondents, String instrument, UUID deploymentId, String slot,
        String corporationId, Instant recordedAt, long revision, Instant correctedAt) {

    public static final String TYPE = "nl.leefbaarheid.measurement.corrected.v1";
}
