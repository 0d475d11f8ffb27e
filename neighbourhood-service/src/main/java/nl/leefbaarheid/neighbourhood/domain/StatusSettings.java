package nl.leefbaarheid.neighbourhood.domain;

import java.util.List;

/**
 * The thresholds of the status calculation, configurable per deployment.
 *
 * @param totalBoundaries     eight ascending deviation ({@code afw}) boundaries between the nine classes
 * @param dimensionBoundaries eight ascending dimension-score boundaries between the nine classes
 * @param stableScoreChange   a livability score changing less than this is stable
 * @param stableShareChange   a vulnerable share changing less than this (a fraction) is stable
 * @param stableReportsChange nuisance reports per 100 homes changing less than this are stable
 * @param redBelow            a mean tenant mark below this is red
 * @param greenAbove          a mean tenant mark above this is green (orange in between)
 * @param minRespondents      the default minimum respondent count for publishing a tenant figure
 * @param fewHouseholds       an area with fewer households is flagged, not ranked (extreme scores)
 */
public record StatusSettings(List<Double> totalBoundaries, List<Double> dimensionBoundaries, double stableScoreChange,
        double stableShareChange, double stableReportsChange, double redBelow, double greenAbove, int minRespondents,
        int fewHouseholds) {

    public static StatusSettings defaults() {
        return new StatusSettings(List.of(-0.30, -0.20, -0.10, -0.05, 0.0, 0.05, 0.10, 0.20),
                List.of(-0.15, -0.10, -0.05, -0.025, 0.0, 0.025, 0.05, 0.10), 0.01, 0.01, 1.0, 6.5, 7.0, 10, 100);
    }
}
