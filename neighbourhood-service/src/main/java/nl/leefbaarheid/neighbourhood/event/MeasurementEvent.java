package nl.leefbaarheid.neighbourhood.event;

/**
 * This service's reading of the events on {@code evaluation.measurements.v1} (key: area code): a measurement recorded,
 * corrected or withdrawn. What they have in common: the measurement, where it was measured and whose it is.
 */
public sealed interface MeasurementEvent permits MeasurementRecorded, MeasurementCorrected, MeasurementWithdrawn {

    String TOPIC = "evaluation.measurements.v1";

    String measurementId();

    String areaCode();

    String complexId();

    String corporationId();
}
