package nl.leefbaarheid.neighbourhood.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The status of an area: what partners read to see where livability deviates, whether the area copes and
 * how tenants experience it. A pure function of the area's observations (or, for districts, municipalities
 * and working areas, of its neighbourhoods' statuses).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaStatus(Livability livability, Resilience resilience, TenantExperience tenantExperience,
        List<String> signals, Double priority, boolean fewHouseholds) {

    /** Where a class came from: the imported file, derived from the score, or aggregated from neighbourhoods. */
    public enum ClassSource {
        @JsonProperty("file") FILE, @JsonProperty("derived") DERIVED, @JsonProperty("aggregated") AGGREGATED
    }

    public enum Trend {
        @JsonProperty("improving") IMPROVING, @JsonProperty("stable") STABLE, @JsonProperty("worsening") WORSENING,
        @JsonProperty("unknown") UNKNOWN
    }

    public enum Quadrant {
        /** Growing vulnerable share without growing nuisance. */
        @JsonProperty("resilient") RESILIENT,
        /** Growing vulnerable share with growing nuisance and unsafety. */
        @JsonProperty("under-pressure") UNDER_PRESSURE,
        /** Nuisance and unsafety grow while the vulnerable share does not. */
        @JsonProperty("nuisance-rising") NUISANCE_RISING,
        /** Neither grows. */
        @JsonProperty("stable") STABLE,
        @JsonProperty("unknown") UNKNOWN
    }

    public enum Colour {
        @JsonProperty("red") RED, @JsonProperty("orange") ORANGE, @JsonProperty("green") GREEN
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(double score, @JsonProperty("class") int livabilityClass, String label, ClassSource classSource,
            Double previousScore, Trend trend) {
    }

    /** The latest Leefbaarometer year: the deviation in total and per dimension, each against the year before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Livability(int year, Integer previousYear, Score deviation, Map<String, Score> dimensions) {
    }

    /**
     * @param vulnerableShareChange change of the share of vulnerable residents between the last two periods
     * @param nuisanceChange        change of nuisance and unsafety, positive when it grew (worse)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resilience(Quadrant quadrant, Double vulnerableShare, Double vulnerableShareChange,
            Double nuisanceChange, String nuisanceMeasure) {
    }

    /** Tenant report marks of the latest period; the figures are left out (suppressed) below the minimum count. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TenantExperience(String period, Double mean, Double shareAtHome, Colour colour, Colour computedColour,
            Integer respondents, boolean suppressed, Override override) {
    }

    public record Override(Colour colour, String reason, String author, String setAt) {
    }
}
