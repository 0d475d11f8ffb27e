package nl.leefbaarheid.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ranks published interventions for an area's weak dimensions. An intervention qualifies when it targets at
 * least one of them; its score weighs fit (the share of weak dimensions it targets) and evidence (its
 * recognition level, counted only while the rating has not lapsed) equally, and adds a little for being
 * feasible with the partners at hand. Every recommendation carries the reasons for its place.
 */
public final class Recommender {

    static final double FIT_WEIGHT = 0.45;
    static final double EVIDENCE_WEIGHT = 0.45;
    static final double FEASIBILITY_WEIGHT = 0.10;

    /** A published revision to consider. */
    public record Candidate(String interventionId, int revision, InterventionSpec spec) {
    }

    public record Recommendation(Candidate candidate, double score, List<Dimension> matchedDimensions,
            boolean evidenceCurrent, List<PartnerType> missingPartnerTypes, boolean feasible, List<String> reasons) {
    }

    private Recommender() {
    }

    /**
     * @param weakDimensions    the area's weak dimensions, at least one
     * @param availablePartners the partner types at hand, or null when not known (then feasibility rests on
     *                          whether the corporation can act alone)
     */
    public static List<Recommendation> rank(Collection<Candidate> candidates, Set<Dimension> weakDimensions,
            Set<PartnerType> availablePartners, LocalDate today) {
        if (weakDimensions.isEmpty()) {
            throw new IllegalArgumentException("at least one weak dimension is needed");
        }
        return candidates.stream()
                .map(c -> assess(c, weakDimensions, availablePartners, today))
                .filter(r -> !r.matchedDimensions().isEmpty())
                .sorted(Comparator.comparingDouble(Recommendation::score).reversed()
                        .thenComparing(r -> r.candidate().spec().costBand())
                        .thenComparing(r -> r.candidate().spec().title()))
                .toList();
    }

    private static Recommendation assess(Candidate candidate, Set<Dimension> weak, Set<PartnerType> available,
            LocalDate today) {
        InterventionSpec spec = candidate.spec();
        List<Dimension> matched = spec.dimensions().stream().filter(weak::contains).distinct().sorted().toList();
        List<String> reasons = new ArrayList<>();
        reasons.add("Targets " + codes(matched) + ": " + matched.size() + " of the " + weak.size()
                + " weak dimension" + (weak.size() == 1 ? "" : "s") + ".");

        LocalDate lapsesOn = InterventionRules.evidenceLapsesOn(spec);
        boolean current = lapsesOn != null && lapsesOn.isAfter(today);
        int evidenceRank = current ? spec.evidenceLevel().rank() : 0;
        if (spec.evidenceLevel() == null) {
            reasons.add("Evidence not assessed.");
        } else if (current) {
            reasons.add("Evidence: " + spec.evidenceLevel().code() + " (assessed " + spec.evidenceAssessedOn()
                    + ", valid until " + lapsesOn + ").");
        } else {
            reasons.add("Evidence rating " + spec.evidenceLevel().code() + " lapsed on " + lapsesOn
                    + "; not counted until it is assessed again.");
        }

        List<PartnerType> missing = available == null ? List.of()
                : spec.partnerTypes().stream().filter(p -> !available.contains(p)).distinct().sorted().toList();
        boolean feasible;
        double feasibility;
        if (spec.corporationAlone()) {
            feasible = true;
            feasibility = 1;
            reasons.add("The corporation can carry it out alone.");
        } else if (available == null) {
            feasible = true;
            feasibility = 0.5;
            reasons.add("Needs partners: " + codes(spec.partnerTypes()) + ".");
        } else if (missing.isEmpty()) {
            feasible = true;
            feasibility = 1;
            reasons.add("The partners it needs are available: " + codes(spec.partnerTypes()) + ".");
        } else {
            feasible = false;
            feasibility = 0;
            reasons.add("Needs partners not available: " + codes(missing) + ".");
        }

        double fit = (double) matched.size() / weak.size();
        double score = FIT_WEIGHT * fit + EVIDENCE_WEIGHT * evidenceRank / EvidenceLevel.values().length
                + FEASIBILITY_WEIGHT * feasibility;
        return new Recommendation(candidate, round(score), matched, current, missing, feasible, List.copyOf(reasons));
    }

    private static String codes(Collection<? extends Coded> values) {
        return values.stream().map(Coded::code).collect(Collectors.joining(", "));
    }

    private static double round(double score) {
        return BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
