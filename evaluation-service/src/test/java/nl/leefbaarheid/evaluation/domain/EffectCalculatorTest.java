package nl.leefbaarheid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.leefbaarheid.evaluation.domain.EffectCalculator.Effect;
import nl.leefbaarheid.evaluation.domain.EffectCalculator.Value;
import nl.leefbaarheid.evaluation.domain.EffectCalculator.Verdict;
import org.junit.jupiter.api.Test;

class EffectCalculatorTest {

    static final String MARK = "tenant.feeling-at-home";
    static final EffectMethod SURVEY = new EffectMethod(List.of(MARK), "survey", 0, 6, 12, "increase", new BigDecimal("0.3"));

    static Value v(String area, Slot slot, double value, int respondents) {
        return new Value(area, slot, MARK, value, respondents);
    }

    @Test
    void treatedAreaImprovesMoreThanTheComparisonAreas() {
        // treated 6.5 -> 7.4 (+0.9); comparisons +0.2 and +0.4 (mean +0.3); effect +0.6 >= 0.3
        Effect effect = EffectCalculator.compute("BU1", Set.of("BU2", "BU3"), SURVEY, List.of(
                v("BU1", Slot.BASELINE, 6.5, 50), v("BU1", Slot.INTERIM, 7.0, 40), v("BU1", Slot.FINAL, 7.4, 45),
                v("BU2", Slot.BASELINE, 6.6, 30), v("BU2", Slot.FINAL, 6.8, 30),
                v("BU3", Slot.BASELINE, 7.0, 30), v("BU3", Slot.FINAL, 7.4, 30)));

        var mark = effect.indicators().get(0);
        assertThat(mark.change()).isEqualTo(0.9);
        assertThat(mark.comparisonChange()).isEqualTo(0.3);
        assertThat(mark.effect()).isEqualTo(0.6);
        assertThat(mark.interim()).isEqualTo(7.0);
        assertThat(mark.respondents()).isEqualTo(45);
        assertThat(mark.comparisonAreas()).isEqualTo(2);
        assertThat(mark.verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(effect.verdict()).isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void whenTheComparisonAreasMovedAsMuchThereIsNoClearEffect() {
        Effect effect = EffectCalculator.compute("BU1", Set.of("BU2"), SURVEY, List.of(
                v("BU1", Slot.BASELINE, 6.5, 50), v("BU1", Slot.FINAL, 7.3, 50),
                v("BU2", Slot.BASELINE, 6.4, 50), v("BU2", Slot.FINAL, 7.2, 50)));

        assertThat(effect.indicators().get(0).change()).isEqualTo(0.8);
        assertThat(effect.indicators().get(0).effect()).isEqualTo(0.0);
        assertThat(effect.verdict()).isEqualTo(Verdict.NO_CLEAR_CHANGE);
    }

    @Test
    void aFallWhereAFallIsTheGoalIsAnImprovementAndTheOtherWayRound() {
        EffectMethod reports = new EffectMethod(List.of("nuisance.reports-per-100-homes"), "counts", -3, null, 12, "decrease",
                new BigDecimal("2"));
        Value before = new Value("BU1", Slot.BASELINE, "nuisance.reports-per-100-homes", 9, null);
        assertThat(EffectCalculator.compute("BU1", Set.of(), reports, List.of(before,
                new Value("BU1", Slot.FINAL, "nuisance.reports-per-100-homes", 6, null))).verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(EffectCalculator.compute("BU1", Set.of(), reports, List.of(before,
                new Value("BU1", Slot.FINAL, "nuisance.reports-per-100-homes", 12, null))).verdict()).isEqualTo(Verdict.WORSENED);
        assertThat(EffectCalculator.compute("BU1", Set.of(), reports, List.of(before,
                new Value("BU1", Slot.FINAL, "nuisance.reports-per-100-homes", 8, null))).verdict()).isEqualTo(Verdict.NO_CLEAR_CHANGE);
    }

    @Test
    void withoutABaselineOrALaterMeasurementThereIsNotEnoughData() {
        Effect effect = EffectCalculator.compute("BU1", Set.of(), SURVEY, List.of(v("BU1", Slot.FINAL, 7.4, 45)));
        assertThat(effect.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(effect.indicators().get(0).effect()).isNull();
    }

    @Test
    void thePlanFollowsTheMethodFromTheStartDate() {
        assertThat(MeasurementPlan.of(LocalDate.of(2026, 3, 1), new EffectMethod(List.of(MARK), "survey", -2, 6, 12, "increase", BigDecimal.ONE)))
                .extracting(MeasurementPlan.PlannedSlot::slot, MeasurementPlan.PlannedSlot::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Slot.BASELINE, LocalDate.of(2026, 1, 1)),
                        org.assertj.core.groups.Tuple.tuple(Slot.INTERIM, LocalDate.of(2026, 9, 1)),
                        org.assertj.core.groups.Tuple.tuple(Slot.FINAL, LocalDate.of(2027, 3, 1)));
    }
}
