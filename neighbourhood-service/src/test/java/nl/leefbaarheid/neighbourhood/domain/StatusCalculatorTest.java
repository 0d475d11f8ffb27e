package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.ClassSource;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Colour;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Quadrant;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Trend;
import org.junit.jupiter.api.Test;

class StatusCalculatorTest {

    final StatusCalculator calculator = new StatusCalculator(StatusSettings.defaults());

    static Observed year(String indicator, int year, double value, Integer livabilityClass) {
        return new Observed(indicator, Integer.toString(year), LocalDate.of(year, 1, 1), value, livabilityClass, null);
    }

    /** An area's status, its tenant marks owned by nobody in particular (as the admin sees it) with this override. */
    AreaStatus forArea(List<Observed> observed, Integer households, AreaStatus.Override override, int minRespondents) {
        return calculator.forArea(observed, households, TenantBasis.of(observed, override == null ? Map.of()
                : Map.of(TenantBasis.ADMIN, override)), minRespondents);
    }

    static Observed survey(String indicator, String period, LocalDate start, double value, int respondents) {
        return new Observed(indicator, period, start, value, null, respondents);
    }

    static List<Observed> leefbaarometer(int year, double afw, double soc, double onv, Integer kafw) {
        return List.of(year("lbm.afw", year, afw, kafw), year("lbm.soc", year, soc, null), year("lbm.onv", year, onv, null),
                year("lbm.won", year, 0.0, null), year("lbm.fys", year, 0.0, null), year("lbm.vrz", year, 0.0, null));
    }

    @Test
    void classesComeFromTheFileWhenPresentElseFromTheBoundaries() {
        List<Observed> observed = new ArrayList<>(leefbaarometer(2022, 0.02, 0.01, 0.01, null));
        observed.addAll(leefbaarometer(2024, -0.12, -0.06, -0.03, 3));

        AreaStatus status = forArea(observed, 1200, null, 10);

        assertThat(status.livability().year()).isEqualTo(2024);
        assertThat(status.livability().previousYear()).isEqualTo(2022);
        assertThat(status.livability().deviation().livabilityClass()).isEqualTo(3);
        assertThat(status.livability().deviation().label()).isEqualTo("onvoldoende");
        assertThat(status.livability().deviation().classSource()).isEqualTo(ClassSource.FILE);
        assertThat(status.livability().deviation().trend()).isEqualTo(Trend.WORSENING);
        // soc -0.06: at or above -0.10 and below -0.05 -> class 3, derived
        assertThat(status.livability().dimensions().get("soc").livabilityClass()).isEqualTo(3);
        assertThat(status.livability().dimensions().get("soc").classSource()).isEqualTo(ClassSource.DERIVED);
        assertThat(status.signals()).contains("livability-weak", "livability-worsening", "soc-weak", "soc-worsening",
                "onv-worsening");
        assertThat(status.priority()).isPositive();
    }

    @Test
    void resilienceQuadrantFollowsTheTwoTrends() {
        List<Observed> pressure = new ArrayList<>(leefbaarometer(2022, 0, 0, 0.02, null));
        pressure.addAll(leefbaarometer(2024, 0, 0, -0.02, null));
        pressure.add(year("resilience.vulnerable-share", 2022, 0.20, null));
        pressure.add(year("resilience.vulnerable-share", 2024, 0.25, null));
        assertThat(forArea(pressure, 1000, null, 10).resilience().quadrant()).isEqualTo(Quadrant.UNDER_PRESSURE);

        List<Observed> resilient = new ArrayList<>(leefbaarometer(2022, 0, 0, 0.02, null));
        resilient.addAll(leefbaarometer(2024, 0, 0, 0.02, null));
        resilient.add(year("resilience.vulnerable-share", 2022, 0.20, null));
        resilient.add(year("resilience.vulnerable-share", 2024, 0.25, null));
        AreaStatus status = forArea(resilient, 1000, null, 10);
        assertThat(status.resilience().quadrant()).isEqualTo(Quadrant.RESILIENT);
        assertThat(status.resilience().vulnerableShareChange()).isEqualTo(0.05);
    }

    @Test
    void tenantMarksAreSuppressedBelowTheMinimumCount() {
        LocalDate q3 = LocalDate.of(2026, 7, 1);
        AreaStatus few = forArea(List.of(survey("tenant.feeling-at-home", "2026-Q3", q3, 6.0, 9)), 500, null, 10);
        assertThat(few.tenantExperience().suppressed()).isTrue();
        assertThat(few.tenantExperience().mean()).isNull();
        assertThat(few.tenantExperience().colour()).isNull();
        assertThat(few.tenantExperience().respondents()).isNull();

        AreaStatus enough = forArea(List.of(survey("tenant.feeling-at-home", "2026-Q3", q3, 6.0, 9),
                survey("tenant.feeling-at-home", "2026-Q3", q3, 8.0, 1)), 500, null, 10);
        assertThat(enough.tenantExperience().suppressed()).isFalse();
        assertThat(enough.tenantExperience().mean()).isEqualTo(6.2); // weighted by respondents
        assertThat(enough.tenantExperience().colour()).isEqualTo(Colour.RED);
        assertThat(enough.signals()).contains("tenant-red");
    }

    @Test
    void theLatestPeriodCountsAndTheTrafficLightHasItsThresholds() {
        LocalDate q2 = LocalDate.of(2026, 4, 1);
        LocalDate q3 = LocalDate.of(2026, 7, 1);
        assertThat(forArea(List.of(survey("tenant.feeling-at-home", "2026-Q2", q2, 5.0, 40),
                survey("tenant.feeling-at-home", "2026-Q3", q3, 7.0, 40)), 500, null, 10).tenantExperience().colour())
                .isEqualTo(Colour.ORANGE);
        assertThat(forArea(List.of(survey("tenant.feeling-at-home", "2026-Q3", q3, 7.1, 40)), 500, null, 10)
                .tenantExperience().colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void anOverrideKeepsTheComputedColourVisible() {
        AreaStatus.Override override = new AreaStatus.Override(Colour.GREEN, "Na de renovatie gaat het beter.", "wijkconsulent", "2026-10-01T10:00:00Z");
        AreaStatus status = forArea(List.of(survey("tenant.feeling-at-home", "2026-Q3", LocalDate.of(2026, 7, 1), 6.0, 40)),
                500, override, 10);

        assertThat(status.tenantExperience().colour()).isEqualTo(Colour.GREEN);
        assertThat(status.tenantExperience().computedColour()).isEqualTo(Colour.RED);
        assertThat(status.tenantExperience().override()).isEqualTo(override);
        assertThat(status.signals()).doesNotContain("tenant-red");
    }

    @Test
    void largerAreasAreWeightedByHouseholds() {
        AreaStatus big = forArea(leefbaarometer(2024, 0.10, 0, 0, null), 3000, null, 10);
        AreaStatus small = forArea(leefbaarometer(2024, -0.10, 0, 0, null), 1000, null, 10);

        AreaStatus district = calculator.aggregate(List.of(new StatusCalculator.Weighted(big, 3000),
                new StatusCalculator.Weighted(small, 1000)), List.of(), TenantBasis.EMPTY, 4000, 10);

        assertThat(district.livability().deviation().score()).isEqualTo(0.05);
        assertThat(district.livability().deviation().classSource()).isEqualTo(ClassSource.AGGREGATED);
        assertThat(district.livability().deviation().livabilityClass()).isEqualTo(7);
    }

    @Test
    void aLargerAreaWithOfficialScoresTakesItsLivabilityFromThemAndTheRestFromItsNeighbourhoods() {
        List<Observed> underPressure = new ArrayList<>(leefbaarometer(2022, 0.10, 0, 0.02, null));
        underPressure.addAll(leefbaarometer(2024, 0.10, 0, -0.03, null));
        underPressure.add(year(StatusCalculator.VULNERABLE_SHARE, 2022, 0.20, null));
        underPressure.add(year(StatusCalculator.VULNERABLE_SHARE, 2024, 0.25, null));
        AreaStatus neighbourhood = forArea(underPressure, 3000, null, 10);
        List<Observed> official = new ArrayList<>(leefbaarometer(2022, -0.01, 0.01, 0.0, 4));
        official.addAll(leefbaarometer(2024, -0.02, 0.01, 0.0, null));

        AreaStatus district = calculator.aggregate(List.of(new StatusCalculator.Weighted(neighbourhood, 3000)), official,
                TenantBasis.EMPTY, 3000, 10);

        assertThat(district.livability().year()).isEqualTo(2024);
        assertThat(district.livability().deviation().score()).isEqualTo(-0.02);
        assertThat(district.livability().deviation().previousScore()).isEqualTo(-0.01);
        assertThat(district.livability().deviation().classSource()).isEqualTo(ClassSource.DERIVED);
        assertThat(district.livability().dimensions().get("soc").score()).isEqualTo(0.01);
        assertThat(district.resilience().quadrant()).isEqualTo(Quadrant.UNDER_PRESSURE);
        // without official scores: the roll-up, as before
        assertThat(calculator.aggregate(List.of(new StatusCalculator.Weighted(neighbourhood, 3000)), List.of(),
                TenantBasis.EMPTY, 3000, 10).livability().deviation().classSource()).isEqualTo(ClassSource.AGGREGATED);
    }

    @Test
    void fewHouseholdsAreFlaggedAndTheSameInputGivesTheSameStatus() {
        List<Observed> observed = leefbaarometer(2024, 0.3, 0, 0, null);
        AreaStatus status = forArea(observed, 40, null, 10);
        assertThat(status.fewHouseholds()).isTrue();
        assertThat(status.signals()).contains("few-households");
        assertThat(forArea(observed, 40, null, 10)).isEqualTo(status);
    }
}
