package nl.leefbaarheid.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.catalog.TestSpecs;
import nl.leefbaarheid.catalog.domain.Recommender.Candidate;
import nl.leefbaarheid.catalog.domain.Recommender.Recommendation;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    final Candidate moestuin = new Candidate("moestuin", 1, TestSpecs.moestuin("moestuin", "samenleven"));
    final Candidate verlichting = new Candidate("verlichting", 2, TestSpecs.verlichting("verlichting", "verlichting"));

    @Test
    void onlyInterventionsThatTargetAWeakDimensionAreRecommended() {
        List<Recommendation> ranked = Recommender.rank(List.of(moestuin, verlichting), Set.of(Dimension.SOC), null, TODAY);

        assertThat(ranked).extracting(r -> r.candidate().interventionId()).containsExactly("moestuin");
        assertThat(ranked.get(0).matchedDimensions()).containsExactly(Dimension.SOC);
        assertThat(ranked.get(0).reasons().get(0)).isEqualTo("Targets soc: 1 of the 1 weak dimension.");
    }

    @Test
    void betterFitAndStrongerEvidenceRankHigher() {
        List<Recommendation> ranked = Recommender.rank(List.of(moestuin, verlichting),
                EnumSet.of(Dimension.SOC, Dimension.ONV, Dimension.FYS), null, TODAY);

        // verlichting: 2 of 3 dimensions, effective-good (rank 4), alone; moestuin: 1 of 3, well-founded (rank 2), needs partners
        assertThat(ranked).extracting(r -> r.candidate().interventionId()).containsExactly("verlichting", "moestuin");
        assertThat(ranked.get(0).score()).isEqualTo(0.45 * 2 / 3 + 0.45 * 4 / 5 + 0.10, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ranked.get(1).score()).isEqualTo(0.45 / 3 + 0.45 * 2 / 5 + 0.05, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aLapsedRatingCountsForNothingAndSaysSo() {
        // well-founded, assessed 2024-03-01: valid until 2029-03-01
        Recommendation current = Recommender.rank(List.of(moestuin), Set.of(Dimension.SOC), null, TODAY).get(0);
        Recommendation lapsed = Recommender.rank(List.of(moestuin), Set.of(Dimension.SOC), null, LocalDate.of(2029, 3, 2)).get(0);

        assertThat(current.evidenceCurrent()).isTrue();
        assertThat(lapsed.evidenceCurrent()).isFalse();
        assertThat(lapsed.score()).isLessThan(current.score());
        assertThat(lapsed.reasons()).contains("Evidence rating well-founded lapsed on 2029-03-01; not counted until it is assessed again.");
    }

    @Test
    void missingPartnersMakeAnInterventionInfeasibleAndAreNamed() {
        Recommendation withoutWelfare = Recommender.rank(List.of(moestuin), Set.of(Dimension.SOC),
                EnumSet.of(PartnerType.POLICE), TODAY).get(0);
        Recommendation withWelfare = Recommender.rank(List.of(moestuin), Set.of(Dimension.SOC),
                EnumSet.of(PartnerType.WELFARE), TODAY).get(0);

        assertThat(withoutWelfare.feasible()).isFalse();
        assertThat(withoutWelfare.missingPartnerTypes()).containsExactly(PartnerType.WELFARE);
        assertThat(withoutWelfare.reasons()).contains("Needs partners not available: welfare.");
        assertThat(withWelfare.feasible()).isTrue();
        assertThat(withWelfare.score()).isGreaterThan(withoutWelfare.score());
    }
}
