package nl.leefbaarheid.evaluation.domain;

import java.util.Collection;
import java.util.OptionalInt;

/**
 * Whether an area counts for a period's year. CBS codes and boundaries change every year and the registry of a year is
 * published after that year has begun, so a period is checked against the latest year of its municipality's registry
 * up to the period's year (the years the municipality itself is registered for): the period's own year once it is
 * registered, until then the year before it (or the latest one before that). An area counts when it is registered for
 * that year; an area registered only for later years does not count, and neither does one the applicable year no
 * longer has. Per municipality, so that the registry of one municipality brought in for a new year changes nothing for
 * the others. The same rule in evaluation-service and
 * neighbourhood-service (each keeps its own copy), so that what one accepts the other does not refuse later.
 */
public final class RegistryYear {

    private RegistryYear() {
    }

    /** The municipality whose registry years apply to an area: GM and the four digits of its code. */
    public static String municipalityOf(String code) {
        return code.length() < 6 ? code : "GM" + code.substring(2, 6);
    }

    /** The registry year that applies to a period of {@code periodYear}: the latest registered year up to it, if any. */
    public static OptionalInt applicable(Collection<Integer> registeredYears, int periodYear) {
        return registeredYears.stream().mapToInt(Integer::intValue).filter(y -> y <= periodYear).max();
    }

    /** Whether an area registered for {@code areaYears} counts for a period of {@code periodYear}. */
    public static boolean counts(Collection<Integer> registeredYears, Collection<Integer> areaYears, int periodYear) {
        OptionalInt year = applicable(registeredYears, periodYear);
        return year.isPresent() && areaYears.contains(year.getAsInt());
    }

    /** Why an area does not count: the same words in both services. */
    public static String unknown(String code, Collection<Integer> registeredYears, int periodYear) {
        OptionalInt year = applicable(registeredYears, periodYear);
        return code + " is not a registered area for " + periodYear + (year.isPresent()
                ? " (the area registry of " + year.getAsInt() + " applies)"
                : ": the area registry of " + municipalityOf(code) + " has no year up to " + periodYear);
    }
}
