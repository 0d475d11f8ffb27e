package nl.leefbaarheid.evaluation.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The effect of a deployment, honestly: per planned indicator, the change in the treated area from baseline
 * to interim and final, minus the change in the comparison areas over the same slots (difference in
 * differences), judged against the method's minimal relevant change in its expected direction.
 */
public final class EffectCalculator {

    public enum Verdict {
        @JsonProperty("improved") IMPROVED,
        @JsonProperty("no-clear-change") NO_CLEAR_CHANGE,
        @JsonProperty("worsened") WORSENED,
        @JsonProperty("not-enough-data") NOT_ENOUGH_DATA
    }

    /** One measured value: the area it is of, its slot, value and respondents. */
    public record Value(String areaCode, Slot slot, String indicator, double value, Integer respondents) {
    }

    public record IndicatorEffect(String indicator, Double baseline, Double interim, Double finalValue, Double change,
            Double comparisonChange, Double effect, BigDecimal minimalRelevantChange, Verdict verdict, Integer respondents,
            Integer comparisonAreas) {
    }

    public record Effect(Verdict verdict, List<IndicatorEffect> indicators) {
    }

    private EffectCalculator() {
    }

    public static Effect compute(String treatedArea, Set<String> comparisonAreas, EffectMethod method, List<Value> values) {
        List<IndicatorEffect> effects = new ArrayList<>();
        for (String indicator : method.indicators()) {
            effects.add(indicator(indicator, treatedArea, comparisonAreas, method, values.stream()
                    .filter(v -> v.indicator().equals(indicator)).toList()));
        }
        return new Effect(overall(effects), effects);
    }

    private static IndicatorEffect indicator(String indicator, String treated, Set<String> comparison, EffectMethod method,
            List<Value> values) {
        List<Value> own = values.stream().filter(v -> v.areaCode().equals(treated)).toList();
        Double baseline = mean(own, Slot.BASELINE);
        Double interim = mean(own, Slot.INTERIM);
        Double last = mean(own, Slot.FINAL);
        Double end = last != null ? last : interim;
        Slot endSlot = last != null ? Slot.FINAL : Slot.INTERIM;
        Integer respondents = respondents(own, endSlot);
        BigDecimal mrc = method.minimalRelevantChange();
        if (baseline == null || end == null) {
            return new IndicatorEffect(indicator, round(baseline), round(interim), round(last), null, null, null, mrc,
                    Verdict.NOT_ENOUGH_DATA, respondents, 0);
        }
        double change = end - baseline;
        // the comparison areas' change over the same slots, each area counted once
        Map<String, List<Value>> byArea = values.stream().filter(v -> comparison.contains(v.areaCode()))
                .collect(Collectors.groupingBy(Value::areaCode));
        List<Double> comparisonChanges = new ArrayList<>();
        byArea.forEach((area, list) -> {
            Double before = mean(list, Slot.BASELINE);
            Double after = mean(list, endSlot);
            if (before != null && after != null) {
                comparisonChanges.add(after - before);
            }
        });
        Double comparisonChange = comparisonChanges.isEmpty() ? null
                : comparisonChanges.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double effect = change - (comparisonChange == null ? 0 : comparisonChange);
        double towardsGoal = method.expectsIncrease() ? effect : -effect;
        double threshold = mrc == null ? 0 : mrc.doubleValue();
        Verdict verdict = towardsGoal >= threshold && towardsGoal > 0 ? Verdict.IMPROVED
                : -towardsGoal >= threshold && towardsGoal < 0 ? Verdict.WORSENED : Verdict.NO_CLEAR_CHANGE;
        return new IndicatorEffect(indicator, round(baseline), round(interim), round(last), round(change),
                round(comparisonChange), round(effect), mrc, verdict, respondents, comparisonChanges.size());
    }

    /** Improved when something improved and nothing worsened; worsened the other way round. */
    static Verdict overall(List<IndicatorEffect> effects) {
        Set<Verdict> verdicts = effects.stream().map(IndicatorEffect::verdict).collect(Collectors.toSet());
        if (verdicts.isEmpty() || verdicts.equals(Set.of(Verdict.NOT_ENOUGH_DATA))) {
            return Verdict.NOT_ENOUGH_DATA;
        }
        boolean improved = verdicts.contains(Verdict.IMPROVED);
        boolean worsened = verdicts.contains(Verdict.WORSENED);
        return improved && !worsened ? Verdict.IMPROVED : worsened && !improved ? Verdict.WORSENED : Verdict.NO_CLEAR_CHANGE;
    }

    /** The mean of a slot's values, weighted by respondents where they are known. */
    private static Double mean(List<Value> values, Slot slot) {
        List<Value> in = values.stream().filter(v -> v.slot() == slot).toList();
        if (in.isEmpty()) {
            return null;
        }
        double weight = in.stream().mapToDouble(v -> v.respondents() == null ? 0 : v.respondents()).sum();
        if (weight == 0) {
            return in.stream().mapToDouble(Value::value).average().orElseThrow();
        }
        return in.stream().mapToDouble(v -> v.value() * (v.respondents() == null ? 0 : v.respondents())).sum() / weight;
    }

    private static Integer respondents(List<Value> values, Slot slot) {
        List<Value> in = values.stream().filter(v -> v.slot() == slot && v.respondents() != null).toList();
        return in.isEmpty() ? null : in.stream().mapToInt(Value::respondents).sum();
    }

    private static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
