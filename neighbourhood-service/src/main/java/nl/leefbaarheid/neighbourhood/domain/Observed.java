package nl.leefbaarheid.neighbourhood.domain;

import java.time.LocalDate;

/** One observation as the status calculation sees it. */
public record Observed(String indicator, String period, LocalDate periodStart, double value, Integer livabilityClass,
        Integer respondents) {
}
