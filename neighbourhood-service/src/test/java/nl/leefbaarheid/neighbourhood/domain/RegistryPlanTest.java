package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RegistryPlanTest {

    private static RegistryRow row(String code, String name, Integer households) {
        return new RegistryRow("line " + code.length(), code, AreaLevel.ofCode(code).orElseThrow(), name, households, null, null);
    }

    @Test
    void parentsFollowFromTheCodes() {
        assertThat(AreaLevel.parentCode("BU09990101")).contains("WK099901");
        assertThat(AreaLevel.parentCode("BU0363AB10")).contains("WK0363AB");
        assertThat(AreaLevel.parentCode("WK099901")).contains("GM0999");
        assertThat(AreaLevel.parentCode("GM0999")).isEmpty();
    }

    @Test
    void eachAreaIsNewUpdatedOrUnchangedAgainstWhatTheYearHolds() {
        Map<String, RegistryPlan.Stored> stored = Map.of(
                "GM0999", new RegistryPlan.Stored("GM0999", "Demostad", null, 6200, null, null, 0),
                "WK099901", new RegistryPlan.Stored("WK099901", "Centrum", "GM0999", 2100, null, null, 3));
        RegistryPlan.Plan plan = RegistryPlan.plan(List.of(row("GM0999", "Demostad", 6200), row("WK099901", "Centrum", 2150),
                row("BU09990101", "Centrum-Noord", 1240)), "Codering_3", stored);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.counts()).containsEntry(AreaLevel.MUNICIPALITY, new RegistryPlan.Counts(0, 0, 1))
                .containsEntry(AreaLevel.DISTRICT, new RegistryPlan.Counts(0, 1, 0))
                .containsEntry(AreaLevel.NEIGHBOURHOOD, new RegistryPlan.Counts(1, 0, 0));
        assertThat(plan.added()).singleElement().satisfies(c -> assertThat(c.parentCode()).isEqualTo("WK099901"));
        assertThat(plan.updated()).singleElement().satisfies(c -> assertThat(c.before().version()).isEqualTo(3));
    }

    @Test
    void duplicatesUnknownParentsAndMissingNamesAreErrors() {
        RegistryPlan.Plan plan = RegistryPlan.plan(List.of(
                new RegistryRow("line 2", "WK099901", AreaLevel.DISTRICT, "Centrum", null, null, null),
                new RegistryRow("line 3", "WK099901", AreaLevel.DISTRICT, " ", null, null, null)), "Codering_3",
                Map.of("WK099901", new RegistryPlan.Stored("WK099901", "Centrum", "GM0999", null, null, 40, 0)));
        assertThat(plan.errors()).containsExactly(
                new RegistryPlan.Error("line 3", "Codering_3", "WK099901 also appears at line 2"),
                new RegistryPlan.Error("line 2", "Codering_3", "its municipality GM0999 is neither in the input nor registered for the year"),
                new RegistryPlan.Error("line 3", "Codering_3", "its municipality GM0999 is neither in the input nor registered for the year"),
                new RegistryPlan.Error("line 3", "name", "is missing"));
        RegistryPlan.Plan fewerHomes = RegistryPlan.plan(List.of(new RegistryRow("line 2", "GM0999", AreaLevel.MUNICIPALITY, "D", null, 30, null)),
                "Codering_3", Map.of("GM0999", new RegistryPlan.Stored("GM0999", "D", null, null, 50, 40, 0)));
        assertThat(fewerHomes.errors()).extracting(RegistryPlan.Error::message)
                .containsExactly("30 is fewer than the 40 corporation homes registered for GM0999");
    }

    @Test
    void newAndDisappearedSinceThePreviousYearByLevelWithExactCountsAndCappedLists() {
        List<String> now = IntStream.range(0, 5).mapToObj(i -> "BU099901" + String.format("%02d", i)).toList();
        RegistryPlan.Since since = RegistryPlan.since(now, List.of("BU09990100", "BU09990199", "WK099902"), 2);
        assertThat(since.added().get(AreaLevel.NEIGHBOURHOOD)).isEqualTo(new RegistryPlan.Codes(4, List.of("BU09990101", "BU09990102")));
        assertThat(since.added().get(AreaLevel.MUNICIPALITY)).isEqualTo(new RegistryPlan.Codes(0, List.of()));
        assertThat(since.disappeared().get(AreaLevel.NEIGHBOURHOOD)).isEqualTo(new RegistryPlan.Codes(1, List.of("BU09990199")));
        assertThat(since.disappeared().get(AreaLevel.DISTRICT)).isEqualTo(new RegistryPlan.Codes(1, List.of("WK099902")));
    }
}
