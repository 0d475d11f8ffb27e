package nl.leefbaarheid.neighbourhood.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;

/**
 * The data of {@code nl.leefbaarheid.complex.registered.v1} and {@code nl.leefbaarheid.complex.changed.v1} on
 * {@code neighbourhood.areas.v1} (key {@code complex:<corporationId>:<complexId>}): a corporation's housing complex as it is
 * now, the neighbourhood it lies in and when it counts for the corporation; a change says what changed (updated, ended,
 * transferred). Field names are the contract.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplexRegistered(String corporationId, String complexId, String neighbourhoodCode, String name, Integer homes,
        Integer households, long version, LocalDate since, String transferredFrom, LocalDate endedOn, String endReason,
        String transferredTo, String change) {

    public static final String TYPE = "nl.leefbaarheid.complex.registered.v1";
    public static final String CHANGED_TYPE = "nl.leefbaarheid.complex.changed.v1";

    public static ComplexRegistered of(HousingComplex complex) {
        return changed(complex, null);
    }

    public static ComplexRegistered changed(HousingComplex complex, String change) {
        return new ComplexRegistered(complex.corporationId, complex.code, complex.neighbourhoodCode, complex.name, complex.homes,
                complex.households, complex.version, complex.since, complex.transferredFrom, complex.endedOn, complex.endReason,
                complex.transferredTo, change);
    }

    public String type() {
        return change == null ? TYPE : CHANGED_TYPE;
    }

    public String key() {
        return HousingComplex.subject(corporationId, complexId);
    }
}
