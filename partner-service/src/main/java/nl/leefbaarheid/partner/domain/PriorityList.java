package nl.leefbaarheid.partner.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The priority list of a workshop: the pinned problems ordered by severity times the votes the participants gave
 * them (pinning, "spelden prikken"; a pin without votes counts once its severity); ties go to the more severe problem,
 * then to the one pinned first. Each place comes with the reasons for it, as the participants see them in the room.
 */
public final class PriorityList {

    /** A pin as the list weighs it: its severity (1 to 5) and each participant's votes. */
    public record Pin(long id, int severity, Map<String, Integer> votes) {
    }

    public record Ranked(long pin, int rank, int score, int votes, int voters, List<String> reasons) {
    }

    private PriorityList() {
    }

    public static List<Ranked> of(List<Pin> pins) {
        List<Pin> ordered = pins.stream().sorted(Comparator.comparingInt(PriorityList::score).reversed()
                .thenComparing(Comparator.comparingInt(Pin::severity).reversed()).thenComparingLong(Pin::id)).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Pin pin = ordered.get(i);
            int votes = votes(pin);
            long voters = pin.votes().values().stream().filter(v -> v > 0).count();
            List<String> reasons = new ArrayList<>();
            reasons.add("severity " + pin.severity() + " of 5");
            reasons.add(votes == 0 ? "no votes yet: its severity counts once"
                    : votes + " vote" + (votes == 1 ? "" : "s") + " from " + voters + " participant" + (voters == 1 ? "" : "s") + " ("
                            + pin.votes().entrySet().stream().filter(e -> e.getValue() > 0)
                                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")");
            reasons.add("score " + score(pin) + " = severity x " + (votes == 0 ? "1" : "votes"));
            if (i > 0 && score(ordered.get(i - 1)) == score(pin)) {
                reasons.add("tied on score with the pin above it, which is "
                        + (ordered.get(i - 1).severity() > pin.severity() ? "more severe" : "as severe and pinned earlier"));
            }
            ranked.add(new Ranked(pin.id(), i + 1, score(pin), votes, (int) voters, reasons));
        }
        return ranked;
    }

    static int score(Pin pin) {
        return pin.severity() * Math.max(votes(pin), 1);
    }

    private static int votes(Pin pin) {
        return pin.votes().values().stream().mapToInt(Integer::intValue).sum();
    }
}
