package nl.leefbaarheid.evaluation.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * This service's reading of {@code nl.leefbaarheid.complex.registered.v1} and {@code nl.leefbaarheid.complex.changed.v1} on
 * {@code neighbourhood.areas.v1} (key {@code complex:<corporationId>:<complexId>}): both carry the complex as it is now (the
 * change: updated, ended or transferred); the fields it uses; the producer may add others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComplexRegistered(String corporationId, String complexId, String neighbourhoodCode, String name, Integer homes,
        Integer households, LocalDate since, LocalDate endedOn, String endReason, String transferredTo) {

    public static final String TYPE = "nl.leefbaarheid.complex.registered.v1";
    public static final String CHANGED_TYPE = "nl.leefbaarheid.complex.changed.v1";
}
