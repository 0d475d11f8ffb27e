package nl.leefbaarheid.neighbourhood.domain;

import java.time.LocalDate;

/**
 * One observation as the status calculation sees it.
 *
 * @param corporation the owner of a restricted figure (a tenant survey, an own report); null for a public one
 */
public record Observed(String indicator, String period, LocalDate periodStart, double value, Integer livabilityClass,
        Integer respondents, String corporation) {

    public Observed(String indicator, String period, LocalDate periodStart, double value, Integer livabilityClass,
            Integer respondents) {
        this(indicator, period, periodStart, value, livabilityClass, respondents, null);
    }
}
