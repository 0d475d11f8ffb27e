package nl.leefbaarheid.partner.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The priority list of a workshop: the pinned problems ordered by severity times the votes the partners gave
 * them (pinning, "spelden prikken"); ties go to the more severe problem.
 */
public final class PriorityList {

    public record Ranked(int pin, int score, int votes) {
    }

    private PriorityList() {
    }

    public static List<Ranked> of(List<Integer> severities, List<Map<String, Integer>> votes) {
        return IntStream.range(0, severities.size()).mapToObj(i -> {
            int total = votes.get(i) == null ? 0 : votes.get(i).values().stream().mapToInt(Integer::intValue).sum();
            return new Ranked(i, severities.get(i) * Math.max(total, 1), total);
        }).sorted(Comparator.comparingInt(Ranked::score).reversed()
                .thenComparing(r -> -severities.get(r.pin())).thenComparingInt(Ranked::pin)).toList();
    }
}
