package nl.leefbaarheid.neighbourhood.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code nl.leefbaarheid.measurement.withdrawn.v1} on {@code evaluation.measurements.v1} (key:
 * area code): the measurement no longer counts; fields added by the producer are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasurementWithdrawn(String measurementId, String areaCode, String complexId, String corporationId, Long revision)
        implements MeasurementEvent {

    public static final String TYPE = "nl.leefbaarheid.measurement.withdrawn.v1";
}
