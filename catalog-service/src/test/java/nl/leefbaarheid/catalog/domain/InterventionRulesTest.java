package nl.leefbaarheid.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.catalog.TestSpecs;
import org.junit.jupiter.api.Test;

class InterventionRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aCompleteRecordBreaksNoRule() {
        assertThat(InterventionRules.check(TestSpecs.moestuin("m", "s"), TODAY)).isEmpty();
    }

    @Test
    void rulesAcrossFieldsAreNamedByField() {
        InterventionSpec good = TestSpecs.moestuin("m", "s");
        InterventionSpec bad = new InterventionSpec("m", "s", good.title(), good.summary(), good.goal(), null, null,
                List.of(), List.of(), null, List.of(), false, good.strategy(), List.of(Dimension.SOC, Dimension.SOC),
                List.of(), good.costBand(), null, EvidenceLevel.WELL_DESCRIBED, null, List.of(),
                new EffectMeasurement(List.of("lbm.soc"), Instrument.SURVEY, 0, 12, 12, Direction.INCREASE, BigDecimal.ONE));

        assertThat(InterventionRules.check(bad, TODAY)).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(
                "evidenceAssessedOn", "dimensions", "partnerTypes", "effectMeasurement.interimMonths");
    }

    @Test
    void evidenceLapsesAfterThreeYearsWhenWellDescribedElseFive() {
        assertThat(EvidenceLevel.WELL_DESCRIBED.lapsesOn(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(EvidenceLevel.EFFECTIVE_STRONG_INDICATIONS.lapsesOn(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2029, 1, 31));
    }

    @Test
    void codesAreMadeFromDutchTitles() {
        assertThat(InterventionRules.codeFromTitle("Eén moestuin in de wijk!")).isEqualTo("een-moestuin-in-de-wijk");
        assertThat(InterventionRules.codeFromTitle("Café 't Hoekje: ontmoeten")).isEqualTo("cafe-t-hoekje-ontmoeten");
    }

    @Test
    void searchTextIgnoresCaseAccentsAndPunctuation() {
        assertThat(SearchText.normalize("  Ééndrachtig   BUURTGEVOEL, geïnspireerd! ")).isEqualTo("eendrachtig buurtgevoel geinspireerd");
    }

    @Test
    void closedListsAreReadByCodeOrDutchLabel() {
        assertThat(Coded.parse(Strategy.class, "social-approach")).contains(Strategy.SOCIAL_APPROACH);
        assertThat(Coded.parse(Strategy.class, "Sociale Aanpak")).contains(Strategy.SOCIAL_APPROACH);
        assertThat(Coded.parse(Instrument.class, "enquete")).contains(Instrument.SURVEY);
        assertThat(Coded.parse(EvidenceLevel.class, "Effectief - goede aanwijzingen")).contains(EvidenceLevel.EFFECTIVE_GOOD_INDICATIONS);
        assertThat(Coded.parse(Dimension.class, "xyz")).isEmpty();
    }

    @Test
    void equalChangesCompareEqualWhateverTheirScale() {
        assertThat(new EffectMeasurement(List.of(), null, 0, null, 1, null, new BigDecimal("0.50")))
                .isEqualTo(new EffectMeasurement(List.of(), null, 0, null, 1, null, new BigDecimal("0.5")));
        assertThat(new EffectMeasurement(List.of(), null, 0, null, 1, null, new BigDecimal("20")).minimalRelevantChange())
                .isEqualByComparingTo("20").hasToString("20");
    }
}
