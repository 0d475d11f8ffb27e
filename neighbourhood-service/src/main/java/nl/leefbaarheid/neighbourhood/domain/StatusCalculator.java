package nl.leefbaarheid.neighbourhood.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.ClassSource;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Colour;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Livability;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Quadrant;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Resilience;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Score;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.TenantExperience;
import nl.leefbaarheid.neighbourhood.domain.AreaStatus.Trend;

/**
 * Computes the status of an area from its observations, or of a larger area from its neighbourhoods. A pure
 * function: the same observations give the same status, however often it runs.
 */
public final class StatusCalculator {

    public static final List<String> DIMENSIONS = List.of("won", "fys", "vrz", "soc", "onv");
    public static final String AFW = "lbm.afw";
    public static final String VULNERABLE_SHARE = "resilience.vulnerable-share";
    public static final String NUISANCE_REPORTS = "nuisance.reports-per-100-homes";
    public static final String FEELING_AT_HOME = "tenant.feeling-at-home";
    public static final String SHARE_AT_HOME = "tenant.share-at-home";

    private final StatusSettings settings;

    public StatusCalculator(StatusSettings settings) {
        this.settings = settings;
    }

    /** A neighbourhood's status as a weight (its households) for aggregation. */
    public record Weighted(AreaStatus status, double weight) {
    }

    // --- one area from its observations ------------------------------------------------------------

    /** An area's or complex's status from its observations, its tenant figures from their basis (see {@link TenantBasis}). */
    public AreaStatus forArea(List<Observed> observations, Integer households, TenantBasis tenant, int minRespondents) {
        Map<String, List<Observed>> byIndicator = observations.stream()
                .collect(Collectors.groupingBy(Observed::indicator));
        return finish(livability(byIndicator), resilience(byIndicator), tenant(tenant, minRespondents), few(households));
    }

    /**
     * The status as a caller sees it who may see the tenant figures of {@code visible} owners only (null: all of them, the
     * admin): the tenant experience of those, and the signals and priority that follow from it.
     */
    public AreaStatus forViewer(AreaStatus full, TenantBasis basis, Set<String> visible, int minRespondents) {
        if (visible == null || visible.containsAll(basis.owners())) {
            return full;
        }
        return finish(full.livability(), full.resilience(), tenant(basis.visibleTo(visible), minRespondents), full.fewHouseholds());
    }

    private Livability livability(Map<String, List<Observed>> byIndicator) {
        List<Observed> afw = sorted(byIndicator.getOrDefault(AFW, List.of()));
        if (afw.isEmpty()) {
            return null;
        }
        Observed latest = afw.get(afw.size() - 1);
        Observed previous = afw.size() > 1 ? afw.get(afw.size() - 2) : null;
        Map<String, Score> dimensions = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            List<Observed> series = byIndicator.getOrDefault("lbm." + dimension, List.of());
            Observed now = at(series, latest.period());
            if (now != null) {
                Observed before = previous == null ? null : at(series, previous.period());
                dimensions.put(dimension, score(now, before, settings.dimensionBoundaries()));
            }
        }
        return new Livability(Integer.parseInt(latest.period().substring(0, 4)),
                previous == null ? null : Integer.parseInt(previous.period().substring(0, 4)),
                score(latest, previous, settings.totalBoundaries()), dimensions);
    }

    private Score score(Observed now, Observed before, List<Double> boundaries) {
        boolean fromFile = now.livabilityClass() != null;
        int livabilityClass = fromFile ? now.livabilityClass() : LivabilityClass.derive(now.value(), boundaries);
        Double previous = before == null ? null : before.value();
        return new Score(round(now.value()), livabilityClass, LivabilityClass.label(livabilityClass),
                fromFile ? ClassSource.FILE : ClassSource.DERIVED, previous == null ? null : round(previous),
                trend(now.value(), previous));
    }

    private Trend trend(double now, Double previous) {
        if (previous == null) {
            return Trend.UNKNOWN;
        }
        double change = now - previous;
        return Math.abs(change) < settings.stableScoreChange() ? Trend.STABLE
                : change > 0 ? Trend.IMPROVING : Trend.WORSENING;
    }

    private Resilience resilience(Map<String, List<Observed>> byIndicator) {
        List<Observed> share = sorted(byIndicator.getOrDefault(VULNERABLE_SHARE, List.of()));
        Double shareNow = share.isEmpty() ? null : share.get(share.size() - 1).value();
        Double shareChange = change(share);
        List<Observed> onv = sorted(byIndicator.getOrDefault("lbm.onv", List.of()));
        List<Observed> reports = sorted(byIndicator.getOrDefault(NUISANCE_REPORTS, List.of()));
        Double nuisanceChange;
        String measure;
        if (change(onv) != null) {
            nuisanceChange = -change(onv); // a falling onv score is growing nuisance
            measure = "lbm.onv";
        } else {
            nuisanceChange = change(reports);
            measure = nuisanceChange == null ? null : NUISANCE_REPORTS;
        }
        if (shareNow == null && nuisanceChange == null) {
            return null;
        }
        return resilience(shareNow, shareChange, nuisanceChange, measure);
    }

    private Resilience resilience(Double share, Double shareChange, Double nuisanceChange, String measure) {
        Quadrant quadrant;
        if (shareChange == null || nuisanceChange == null) {
            quadrant = Quadrant.UNKNOWN;
        } else {
            double nuisanceThreshold = NUISANCE_REPORTS.equals(measure) ? settings.stableReportsChange()
                    : settings.stableScoreChange();
            boolean shareRising = shareChange >= settings.stableShareChange();
            boolean nuisanceRising = nuisanceChange >= nuisanceThreshold;
            quadrant = shareRising ? (nuisanceRising ? Quadrant.UNDER_PRESSURE : Quadrant.RESILIENT)
                    : (nuisanceRising ? Quadrant.NUISANCE_RISING : Quadrant.STABLE);
        }
        return new Resilience(quadrant, round(share), round(shareChange), round(nuisanceChange), measure);
    }

    /**
     * Tenant marks of the latest period, weighted by respondents, suppressed below the minimum count; the override set
     * last applies.
     */
    public TenantExperience tenant(TenantBasis basis, int minRespondents) {
        AreaStatus.Override override = basis.override().orElse(null);
        TenantBasis.Part latest = basis.latest().orElse(null);
        if (latest == null) {
            return override == null ? null
                    : new TenantExperience(null, null, null, override.colour(), null, null, true, override);
        }
        int respondents = (int) latest.marks().weight();
        if (respondents < minRespondents) {
            return new TenantExperience(latest.period(), null, null, override == null ? null : override.colour(), null, null,
                    true, override);
        }
        double mean = latest.marks().mean();
        Double shareAtHome = latest.sharesAt(latest.periodStart()).mean();
        Colour computed = mean < settings.redBelow() ? Colour.RED : mean > settings.greenAbove() ? Colour.GREEN : Colour.ORANGE;
        return new TenantExperience(latest.period(), round(mean), round(shareAtHome), override == null ? computed : override.colour(),
                computed, respondents, false, override);
    }

    // --- a larger area from its neighbourhoods -----------------------------------------------------

    /**
     * A district's, municipality's or working area's status: the neighbourhoods' livability and resilience weighted by
     * households, and the tenant marks of their latest period (the merged bases of the neighbourhoods). Where the area
     * has Leefbaarometer scores of its own ({@code own}: the official district and municipality scores, computed from the
     * grid rather than averaged), its livability is those, with their classes as for a neighbourhood.
     */
    public AreaStatus aggregate(List<Weighted> children, List<Observed> own, TenantBasis tenant, Integer households,
            int minRespondents) {
        Livability official = livability(own.stream().collect(Collectors.groupingBy(Observed::indicator)));
        return finish(official != null ? official : aggregateLivability(children), aggregateResilience(children),
                tenant(tenant, minRespondents), few(households));
    }

    private Livability aggregateLivability(List<Weighted> children) {
        int year = children.stream().filter(c -> c.status().livability() != null)
                .mapToInt(c -> c.status().livability().year()).max().orElse(-1);
        if (year < 0) {
            return null;
        }
        List<Weighted> current = children.stream()
                .filter(c -> c.status().livability() != null && c.status().livability().year() == year).toList();
        Integer previousYear = current.stream().map(c -> c.status().livability().previousYear()).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Score deviation = aggregateScore(current, c -> c.livability().deviation(), settings.totalBoundaries());
        Map<String, Score> dimensions = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            List<Weighted> with = current.stream().filter(c -> c.status().livability().dimensions().containsKey(dimension)).toList();
            if (!with.isEmpty()) {
                dimensions.put(dimension, aggregateScore(with, s -> s.livability().dimensions().get(dimension),
                        settings.dimensionBoundaries()));
            }
        }
        return new Livability(year, previousYear, deviation, dimensions);
    }

    private Score aggregateScore(List<Weighted> children, Function<AreaStatus, Score> score, List<Double> boundaries) {
        double now = average(children, c -> score.apply(c.status()).score());
        List<Weighted> withPrevious = children.stream().filter(c -> score.apply(c.status()).previousScore() != null).toList();
        Double previous = withPrevious.isEmpty() ? null : average(withPrevious, c -> score.apply(c.status()).previousScore());
        int livabilityClass = LivabilityClass.derive(now, boundaries);
        return new Score(round(now), livabilityClass, LivabilityClass.label(livabilityClass), ClassSource.AGGREGATED,
                round(previous), trend(now, previous));
    }

    private Resilience aggregateResilience(List<Weighted> children) {
        List<Weighted> with = children.stream().filter(c -> c.status().resilience() != null).toList();
        if (with.isEmpty()) {
            return null;
        }
        Double share = averageOf(with, r -> r.vulnerableShare());
        Double shareChange = averageOf(with, r -> r.vulnerableShareChange());
        List<String> measures = with.stream().map(c -> c.status().resilience().nuisanceMeasure()).filter(Objects::nonNull)
                .distinct().toList();
        // Only like is averaged with like: nuisance scores or report counts, whichever the neighbourhoods share.
        String measure = measures.contains("lbm.onv") ? "lbm.onv" : measures.isEmpty() ? null : measures.get(0);
        List<Weighted> sameMeasure = with.stream().filter(c -> Objects.equals(c.status().resilience().nuisanceMeasure(), measure)).toList();
        Double nuisanceChange = measure == null ? null : averageOf(sameMeasure, r -> r.nuisanceChange());
        return resilience(share, shareChange, nuisanceChange, measure);
    }

    private static Double averageOf(List<Weighted> children, Function<Resilience, Double> value) {
        List<Weighted> with = children.stream().filter(c -> value.apply(c.status().resilience()) != null).toList();
        return with.isEmpty() ? null : average(with, c -> value.apply(c.status().resilience()));
    }

    private static double average(List<Weighted> children, ToDoubleFunction<Weighted> value) {
        double weight = children.stream().mapToDouble(StatusCalculator::weightOf).sum();
        return children.stream().mapToDouble(c -> value.applyAsDouble(c) * weightOf(c)).sum() / weight;
    }

    /** Households weigh; a neighbourhood without a household count weighs as one. */
    private static double weightOf(Weighted child) {
        return child.weight() > 0 ? child.weight() : 1;
    }

    // --- signals and priority ------------------------------------------------------------------------

    private boolean few(Integer households) {
        return households != null && households < settings.fewHouseholds();
    }

    private AreaStatus finish(Livability livability, Resilience resilience, TenantExperience tenant, boolean few) {
        List<String> signals = new ArrayList<>();
        int worsening = 0;
        double classGap = 0;
        if (livability != null) {
            classGap = (9.0 - livability.deviation().livabilityClass()) / 8;
            if (livability.deviation().livabilityClass() <= 4) {
                signals.add("livability-weak");
            }
            if (livability.deviation().trend() == Trend.WORSENING) {
                signals.add("livability-worsening");
            }
            for (Map.Entry<String, Score> dimension : livability.dimensions().entrySet()) {
                if (dimension.getValue().livabilityClass() <= 4) {
                    signals.add(dimension.getKey() + "-weak");
                }
                if (dimension.getValue().trend() == Trend.WORSENING) {
                    signals.add(dimension.getKey() + "-worsening");
                    worsening++;
                }
            }
        }
        double resilienceScore = 0;
        if (resilience != null && resilience.quadrant() == Quadrant.UNDER_PRESSURE) {
            signals.add("resilience-under-pressure");
            resilienceScore = 1;
        } else if (resilience != null && resilience.quadrant() == Quadrant.NUISANCE_RISING) {
            signals.add("nuisance-rising");
            resilienceScore = 0.6;
        }
        double tenantScore = 0;
        if (tenant != null && tenant.colour() == Colour.RED) {
            signals.add("tenant-red");
            tenantScore = 1;
        } else if (tenant != null && tenant.colour() == Colour.ORANGE) {
            signals.add("tenant-orange");
            tenantScore = 0.5;
        }
        if (few) {
            signals.add("few-households");
        }
        boolean anything = livability != null || resilience != null || tenant != null;
        Double priority = anything
                ? round3(0.40 * classGap + 0.20 * worsening / DIMENSIONS.size() + 0.25 * resilienceScore + 0.15 * tenantScore)
                : null;
        return new AreaStatus(livability, resilience, tenant, List.copyOf(signals), priority, few);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static List<Observed> sorted(List<Observed> series) {
        return series.stream().sorted(Comparator.comparing(Observed::periodStart)).toList();
    }

    private static Observed at(List<Observed> series, String period) {
        return series.stream().filter(o -> o.period().equals(period)).findFirst().orElse(null);
    }

    private static Double change(List<Observed> sortedSeries) {
        if (sortedSeries.size() < 2) {
            return null;
        }
        return sortedSeries.get(sortedSeries.size() - 1).value() - sortedSeries.get(sortedSeries.size() - 2).value();
    }

    private static Double round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round3(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}
