package nl.leefbaarheid.neighbourhood.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the tenant experience of an area is computed from, kept per owner: for every corporation with tenant marks in the
 * area, the sums of its marks (and shares at home) in its own latest period, and the colour overrides by owner. A caller
 * sees the tenant experience of the owners it may see (its own corporation and those that share with it; the admin all of
 * them): the latest period among those owners, and the sums of the owners whose latest period that is. That is the same
 * figure as computed from their observations, since an owner whose latest period is earlier has no marks in it.
 * A district or municipality merges the bases of its neighbourhoods the same way, so no observation is read twice.
 *
 * @param parts     by corporation: its latest period of tenant marks and the sums in it
 * @param overrides by owner (a corporation, or {@link #ADMIN} for the admin's own): the colour overrides of the area
 */
public record TenantBasis(Map<String, Part> parts, Map<String, AreaStatus.Override> overrides) {

    /** The owner of an override the admin set on an area: seen by the admin only. Not a valid corporation id. */
    public static final String ADMIN = "(admin)";

    public static final TenantBasis EMPTY = new TenantBasis(Map.of(), Map.of());

    /**
     * The basis of a status stored before bases were kept per owner: whose its tenant figures were is not known, so they
     * are the admin's only, and count for no roll-up, until the area is recalculated.
     */
    public static final TenantBasis LEGACY = new TenantBasis(Map.of(), Map.of(ADMIN, new AreaStatus.Override(null,
            "stored before tenant figures were kept per corporation", null, "1970-01-01T00:00:00Z")));

    public TenantBasis {
        parts = Map.copyOf(parts == null ? Map.of() : parts);
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
    }

    /**
     * One corporation's marks of its latest period of marks, and its shares at home of that period and later ones (by
     * period start, ISO): a larger area counts the shares of its latest period of marks, also those of a neighbourhood
     * whose own marks are older.
     */
    public record Part(String period, LocalDate periodStart, Sums marks, Map<String, Sums> shares) {

        public Part {
            shares = Map.copyOf(shares);
        }

        /** The shares at home of this part's own period. */
        Sums sharesAt(LocalDate start) {
            return shares.getOrDefault(start.toString(), Sums.NONE);
        }
    }

    /**
     * Enough of a set of values to average them weighted by respondents (or plainly, when none has respondents).
     *
     * @param weighted the sum of value x respondents
     * @param weight   the sum of respondents (the respondents of the marks)
     * @param plain    the sum of the values
     * @param count    how many values
     */
    public record Sums(double weighted, double weight, double plain, int count) {

        static final Sums NONE = new Sums(0, 0, 0, 0);

        static Sums of(List<Observed> observations) {
            double weighted = 0;
            double weight = 0;
            double plain = 0;
            for (Observed o : observations) {
                int respondents = o.respondents() == null ? 0 : o.respondents();
                weighted += o.value() * respondents;
                weight += respondents;
                plain += o.value();
            }
            return new Sums(weighted, weight, plain, observations.size());
        }

        Sums plus(Sums other) {
            return new Sums(weighted + other.weighted, weight + other.weight, plain + other.plain, count + other.count);
        }

        /** The mean weighted by respondents; the plain mean when no value has respondents; null without values. */
        Double mean() {
            return count == 0 ? null : weight == 0 ? plain / count : weighted / weight;
        }
    }

    /** The basis of an area from its observations (restricted tenant marks carry their corporation) and its overrides. */
    public static TenantBasis of(List<Observed> observations, Map<String, AreaStatus.Override> overrides) {
        Map<String, List<Observed>> byOwner = observations.stream()
                .filter(o -> StatusCalculator.FEELING_AT_HOME.equals(o.indicator()) || StatusCalculator.SHARE_AT_HOME.equals(o.indicator()))
                .collect(Collectors.groupingBy(o -> o.corporation() == null ? ADMIN : o.corporation(), TreeMap::new, Collectors.toList()));
        Map<String, Part> parts = new TreeMap<>();
        byOwner.forEach((owner, tenant) -> {
            List<Observed> marks = tenant.stream().filter(o -> o.indicator().equals(StatusCalculator.FEELING_AT_HOME)).toList();
            marks.stream().map(Observed::periodStart).max(Comparator.naturalOrder()).ifPresent(latest -> {
                List<Observed> current = marks.stream().filter(o -> o.periodStart().equals(latest)).toList();
                Map<String, Sums> shares = tenant.stream()
                        .filter(o -> o.indicator().equals(StatusCalculator.SHARE_AT_HOME) && !o.periodStart().isBefore(latest))
                        .collect(Collectors.groupingBy(o -> o.periodStart().toString(), TreeMap::new,
                                Collectors.collectingAndThen(Collectors.toList(), Sums::of)));
                parts.put(owner, new Part(current.get(0).period(), latest, Sums.of(current), shares));
            });
        });
        return new TenantBasis(parts, overrides);
    }

    /** A larger area's basis: the parts of its neighbourhoods merged per owner (their latest periods), and its own overrides. */
    public static TenantBasis merge(Collection<TenantBasis> children, Map<String, AreaStatus.Override> overrides) {
        Map<String, Part> parts = new TreeMap<>();
        for (TenantBasis child : children) {
            child.parts.forEach((owner, part) -> parts.merge(owner, part, TenantBasis::later));
        }
        return new TenantBasis(parts, overrides);
    }

    /** The part of the later period of marks, with the shares of both from that period on. */
    private static Part later(Part a, Part b) {
        int order = a.periodStart().compareTo(b.periodStart());
        Part latest = order >= 0 ? a : b;
        Map<String, Sums> shares = new TreeMap<>();
        for (Part part : List.of(a, b)) {
            part.shares().forEach((start, sums) -> {
                if (start.compareTo(latest.periodStart().toString()) >= 0) {
                    shares.merge(start, sums, Sums::plus);
                }
            });
        }
        return new Part(latest.period(), latest.periodStart(), order == 0 ? a.marks().plus(b.marks()) : latest.marks(), shares);
    }

    /** Only what the owners in {@code visible} measured or set; all of it when {@code visible} is null (the admin). */
    public TenantBasis visibleTo(Set<String> visible) {
        if (visible == null) {
            return this;
        }
        Predicate<String> seen = visible::contains;
        return new TenantBasis(filter(parts, seen), filter(overrides, seen));
    }

    private static <T> Map<String, T> filter(Map<String, T> byOwner, Predicate<String> keep) {
        return byOwner.entrySet().stream().filter(e -> keep.test(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Everyone whose figures or overrides this holds. */
    @JsonIgnore
    public Set<String> owners() {
        Set<String> owners = new TreeSet<>(parts.keySet());
        owners.addAll(overrides.keySet());
        return owners;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return parts.isEmpty() && overrides.isEmpty();
    }

    /** The latest period among the parts, and the parts of that period; empty without parts. */
    Optional<Part> latest() {
        Optional<LocalDate> latest = parts.values().stream().map(Part::periodStart).max(Comparator.naturalOrder());
        return latest.map(start -> parts.values().stream().filter(p -> p.periodStart().equals(start))
                .reduce(TenantBasis::later).orElseThrow());
    }

    /** The override that applies: the one set last. */
    Optional<AreaStatus.Override> override() {
        return overrides.values().stream().max(Comparator.comparing(o -> java.time.Instant.parse(o.setAt())));
    }
}
