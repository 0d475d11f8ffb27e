package nl.leefbaarheid.neighbourhood.event;

import nl.leefbaarheid.neighbourhood.entity.HousingComplex;

/**
 * The data of {@code nl.leefbaarheid.complex.registered.v1} on {@code neighbourhood.areas.v1} (key
 * {@code complex:<corporationId>:<complexId>}): a corporation's housing complex and the neighbourhood it lies in.
 * Field names are the contract.
 */
public record ComplexRegistered(String corporationId, String complexId, String neighbourhoodCode, String name, Integer homes,
        Integer households) {

    public static final String TYPE = "nl.leefbaarheid.complex.registered.v1";

    public static ComplexRegistered of(HousingComplex complex) {
        return new ComplexRegistered(complex.corporationId, complex.code, complex.neighbourhoodCode, complex.name, complex.homes,
                complex.households);
    }

    public String key() {
        return HousingComplex.subject(corporationId, complexId);
    }
}
