package nl.leefbaarheid.neighbourhood.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code nl.leefbaarheid.measurement.corrected.v1} on {@code evaluation.measurements.v1} (key:
 * area code): the measurement as it is after the correction, and its revision; fields added by the producer are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementCorrected(String measurementId, String areaCode, String complexId, String indicator, Double value,
        String period, Integer respondents, String corporationId, Long revision) implements MeasurementEvent {

    public static final String TYPE = "nl.leefbaarheid.measurement.corrected.v1";
}
