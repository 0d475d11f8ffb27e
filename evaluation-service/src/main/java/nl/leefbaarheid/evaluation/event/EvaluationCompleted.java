package nl.leefbaarheid.evaluation.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.evaluation.domain.EffectCalculator.Verdict;

/** The data of {@code nl.leefbaarheid.evaluation.completed.v1} on {@code evaluation.results.v1} (key: deployment id). */
public record EvaluationCompleted(UUID deploymentId, String interventionId, int interventionRevision, String interventionTitle,
        String areaCode, String complexId, String corporationId, Verdict verdict, List<Indicator> indicators, Instant completedAt) {

    public static final String TOPIC = "evaluation.results.v1";
    public static final String TYPE = "nl.leefbaarheid.evaluation.completed.v1";

    public record Indicator(String indicator, Double baseline, Double interim, @com.fasterxml.jackson.annotation.JsonProperty("final") Double finalValue,
            Double change, Double comparisonChange, Double effect, BigDecimal minimalRelevantChange, Verdict verdict,
            Integer respondents) {
    }
}
