package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Colour;
import org.junit.jupiter.api.Test;

/** Tenant figures belong to the corporation that measured them: each caller sees the aggregate of what it may see. */
class TenantBasisTest {

    static final LocalDate Q2 = LocalDate.of(2026, 4, 1);
    static final LocalDate Q3 = LocalDate.of(2026, 7, 1);

    final StatusCalculator calculator = new StatusCalculator(StatusSettings.defaults());

    static Observed mark(String corporation, String period, LocalDate start, double value, int respondents) {
        return new Observed(StatusCalculator.FEELING_AT_HOME, period, start, value, null, respondents, corporation);
    }

    static Observed share(String corporation, String period, LocalDate start, double value, int respondents) {
        return new Observed(StatusCalculator.SHARE_AT_HOME, period, start, value, null, respondents, corporation);
    }

    /** The Leefbaarometer of a weak neighbourhood (class 3): public figures, the same for everyone. */
    static List<Observed> weakNeighbourhood() {
        return List.of(new Observed("lbm.afw", "2024", LocalDate.of(2024, 1, 1), -0.15, null, null));
    }

    @Test
    void twoCorporationsInOneNeighbourhoodEachSeeTheirOwnAndTheAdminTheAggregate() {
        List<Observed> observed = new ArrayList<>(weakNeighbourhood());
        observed.addAll(List.of(mark("corp-a", "2026-Q2", Q2, 6.37, 77), share("corp-a", "2026-Q2", Q2, 0.5, 77),
                mark("corp-c", "2026-Q2", Q2, 8.42, 40)));
        TenantBasis basis = TenantBasis.of(observed, Map.of());
        AreaStatus full = calculator.forArea(observed, 2000, basis, 10);

        AreaStatus a = calculator.forViewer(full, basis, Set.of("corp-a"), 10);
        AreaStatus c = calculator.forViewer(full, basis, Set.of("corp-c"), 10);
        AreaStatus stranger = calculator.forViewer(full, basis, Set.of(), 10);

        assertThat(full.tenantExperience().mean()).isEqualTo(7.0709); // (6.37 x 77 + 8.42 x 40) / 117
        assertThat(full.tenantExperience().respondents()).isEqualTo(117);
        assertThat(full.tenantExperience().colour()).isEqualTo(Colour.GREEN);
        assertThat(a.tenantExperience().mean()).isEqualTo(6.37);
        assertThat(a.tenantExperience().respondents()).isEqualTo(77);
        assertThat(a.tenantExperience().colour()).isEqualTo(Colour.RED);
        assertThat(a.signals()).contains("tenant-red");
        assertThat(c.tenantExperience().mean()).isEqualTo(8.42);
        assertThat(c.tenantExperience().shareAtHome()).isNull();
        assertThat(stranger.tenantExperience()).isNull();
        assertThat(stranger.signals()).noneMatch(s -> s.startsWith("tenant-"));
        // the priority weighs only the tenant colour the caller sees: red 0.15 above the public one
        assertThat(a.priority()).isEqualTo(stranger.priority() + 0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.priority()).isEqualTo(stranger.priority());
        assertThat(full.priority()).isEqualTo(stranger.priority());
        assertThat(calculator.forViewer(full, basis, Set.of("corp-a", "corp-c"), 10)).isSameAs(full);
        assertThat(calculator.forViewer(full, basis, null, 10)).isSameAs(full);
    }

    @Test
    void eachOwnerCountsItsOwnLatestPeriodAndTheCallerTheLatestOfThose() {
        List<Observed> observed = List.of(mark("corp-a", "2026-Q2", Q2, 6.0, 30), mark("corp-a", "2026-Q3", Q3, 7.5, 30),
                mark("corp-c", "2026-Q2", Q2, 5.0, 30));
        TenantBasis basis = TenantBasis.of(observed, Map.of());

        assertThat(calculator.tenant(basis, 10).period()).isEqualTo("2026-Q3");
        assertThat(calculator.tenant(basis, 10).mean()).isEqualTo(7.5);
        // corp-c sees its own Q2, not corp-a's Q2 beside it
        assertThat(calculator.tenant(basis.visibleTo(Set.of("corp-c")), 10).mean()).isEqualTo(5.0);
    }

    @Test
    void theMinimumOfRespondentsAppliesToWhatTheCallerSees() {
        List<Observed> observed = List.of(mark("corp-a", "2026-Q2", Q2, 6.0, 6), mark("corp-c", "2026-Q2", Q2, 8.0, 6));
        TenantBasis basis = TenantBasis.of(observed, Map.of());

        assertThat(calculator.tenant(basis, 10).suppressed()).isFalse();
        assertThat(calculator.tenant(basis.visibleTo(Set.of("corp-a")), 10).suppressed()).isTrue();
        assertThat(calculator.tenant(basis.visibleTo(Set.of("corp-a")), 10).mean()).isNull();
    }

    @Test
    void aDistrictMergesItsNeighbourhoodsPerOwnerAsFromTheirObservations() {
        List<Observed> north = List.of(mark("corp-a", "2026-Q2", Q2, 6.0, 20), mark("corp-c", "2026-Q3", Q3, 8.0, 20));
        List<Observed> south = List.of(mark("corp-a", "2026-Q3", Q3, 7.0, 20), mark("corp-c", "2026-Q3", Q3, 9.0, 60));
        List<Observed> all = new ArrayList<>(north);
        all.addAll(south);

        TenantBasis merged = TenantBasis.merge(List.of(TenantBasis.of(north, Map.of()), TenantBasis.of(south, Map.of())), Map.of());

        assertThat(merged).isEqualTo(TenantBasis.of(all, Map.of()));
        assertThat(calculator.tenant(merged.visibleTo(Set.of("corp-a")), 10).mean()).isEqualTo(7.0);
        assertThat(calculator.tenant(merged, 10).mean()).isEqualTo(8.4); // (7 x 20 + 8 x 20 + 9 x 60) / 100
    }

    @Test
    void anOverrideIsSeenByThoseWhoMaySeeItsOwner() {
        AreaStatus.Override byA = new AreaStatus.Override(Colour.GREEN, "Na de renovatie gaat het beter.", "wijkconsulent",
                "2026-10-01T10:00:00Z");
        AreaStatus.Override byC = new AreaStatus.Override(Colour.RED, "Veel klachten.", "consulent C", "2026-10-02T10:00:00.5Z");
        List<Observed> observed = List.of(mark("corp-a", "2026-Q2", Q2, 6.0, 40), mark("corp-c", "2026-Q2", Q2, 6.8, 40));
        TenantBasis basis = TenantBasis.of(observed, Map.of("corp-a", byA, "corp-c", byC));

        assertThat(calculator.tenant(basis.visibleTo(Set.of("corp-a")), 10).override()).isEqualTo(byA);
        assertThat(calculator.tenant(basis.visibleTo(Set.of("corp-a")), 10).computedColour()).isEqualTo(Colour.RED);
        assertThat(calculator.tenant(basis, 10).override()).isEqualTo(byC); // the one set last
        assertThat(calculator.tenant(basis.visibleTo(Set.of()), 10)).isNull();
        assertThat(basis.owners()).containsExactly("corp-a", "corp-c");
    }
}
