package nl.leefbaarheid.neighbourhood.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code nl.leefbaarheid.measurement.recorded.v1} on {@code evaluation.measurements.v1}
 * (key: area code): only the fields it uses; fields added by the producer are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementRecorded(String measurementId, String areaCode, String complexId, String indicator, Double value,
        String period, Integer respondents, String instrument, String corporationId, String recordedAt) implements MeasurementEvent {

    public static final String TYPE = "nl.leefbaarheid.measurement.recorded.v1";
}
