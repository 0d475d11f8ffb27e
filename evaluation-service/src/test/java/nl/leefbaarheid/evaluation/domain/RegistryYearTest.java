package nl.leefbaarheid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The same cases in evaluation-service and neighbourhood-service: both services keep this rule alike. */
class RegistryYearTest {

    static final Set<Integer> REGISTRY = Set.of(2022, 2024);

    @Test
    void anAreaOfThePeriodsOwnYearCounts() {
        assertThat(RegistryYear.counts(REGISTRY, List.of(2024), 2024)).isTrue();
        assertThat(RegistryYear.counts(REGISTRY, List.of(2022), 2022)).isTrue();
    }

    @Test
    void untilThePeriodsYearIsRegisteredTheLatestYearBeforeItApplies() {
        assertThat(RegistryYear.applicable(REGISTRY, 2026)).hasValue(2024);
        assertThat(RegistryYear.counts(REGISTRY, List.of(2022, 2024), 2026)).isTrue();
        assertThat(RegistryYear.counts(REGISTRY, List.of(2022), 2023)).isTrue();
    }

    @Test
    void anAreaTheApplicableYearNoLongerHasDoesNotCount() {
        assertThat(RegistryYear.counts(REGISTRY, List.of(2022), 2024)).isFalse();
        assertThat(RegistryYear.counts(REGISTRY, List.of(2022), 2026)).isFalse();
        assertThat(RegistryYear.unknown("BU09990101", REGISTRY, 2026))
                .isEqualTo("BU09990101 is not a registered area for 2026 (the area registry of 2024 applies)");
    }

    @Test
    void anAreaRegisteredOnlyForLaterYearsDoesNotCount() {
        assertThat(RegistryYear.counts(REGISTRY, List.of(2024), 2023)).isFalse();
        assertThat(RegistryYear.counts(Set.of(2030), List.of(2030), 2026)).isFalse();
        assertThat(RegistryYear.unknown("BU09990101", Set.of(2030), 2026))
                .isEqualTo("BU09990101 is not a registered area for 2026: the area registry of GM0999 has no year up to 2026");
    }

    @Test
    void anUnregisteredAreaOrAnEmptyRegistryCountsForNoYear() {
        assertThat(RegistryYear.counts(REGISTRY, List.of(), 2026)).isFalse();
        assertThat(RegistryYear.counts(Set.of(), List.of(), 2026)).isFalse();
        assertThat(RegistryYear.applicable(Set.of(), 2026)).isEmpty();
    }

    @Test
    void theRegistryYearsOfAnAreaAreThoseOfItsMunicipality() {
        assertThat(RegistryYear.municipalityOf("BU09990101")).isEqualTo("GM0999");
        assertThat(RegistryYear.municipalityOf("WK0363AB")).isEqualTo("GM0363");
        assertThat(RegistryYear.municipalityOf("BU0363AB10")).isEqualTo("GM0363");
        assertThat(RegistryYear.municipalityOf("GM0363")).isEqualTo("GM0363");
    }
}
