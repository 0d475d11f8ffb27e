package nl.leefbaarheid.neighbourhood.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a registry import of one year does to the areas stored for that year: each area of the input is new, updated
 * (its name, parent, households, homes or corporation homes differ) or unchanged; areas stored for the year but absent
 * from the input stay (an input may hold some municipalities only). Parents follow from the codes and must be in the
 * input or already registered for the year. Codes must be unique; names at most {@value #MAX_NAME} characters; homes not
 * below the corporation homes. Corporation homes the input does not give stay as stored.
 */
public final class RegistryPlan {

    public static final int MAX_NAME = 200;

    /** An area as stored for the year. */
    public record Stored(String code, String name, String parentCode, Integer households, Integer homes, Integer corporationHomes,
            long version) {
    }

    /**
     * A new or updated area; {@code before} is null for a new one.
     *
     * @param corporationHomes the input's corporation homes, or else those stored
     */
    public record Change(RegistryRow row, String parentCode, Integer corporationHomes, Stored before) {

        /** Whether the weights of the statuses change: the households of the area, or any of a new area. */
        public boolean householdsChanged() {
            return before == null || !Objects.equals(before.households(), row.households());
        }
    }

    public record Error(String at, String field, String message) {
    }

    public record Counts(int added, int updated, int unchanged) {
    }

    public record Plan(List<Change> added, List<Change> updated, Map<AreaLevel, Counts> counts, List<Error> errors) {
    }

    /** Codes by level, exact count and the first {@code cap} in code order. */
    public record Codes(int count, List<String> codes) {
    }

    /** What the input has that the previous registered year had not, and the other way round. */
    public record Since(Map<AreaLevel, Codes> added, Map<AreaLevel, Codes> disappeared) {
    }

    private RegistryPlan() {
    }

    /**
     * @param codeField the name of the code in the input (a column or a JSON field), for errors
     * @param stored    the areas stored for the year, by code
     */
    public static Plan plan(List<RegistryRow> rows, String codeField, Map<String, Stored> stored) {
        List<Error> errors = new ArrayList<>();
        Map<String, String> firstAt = new HashMap<>();
        for (RegistryRow row : rows) {
            String first = firstAt.putIfAbsent(row.code(), row.at());
            if (first != null) {
                errors.add(new Error(row.at(), codeField, row.code() + " also appears at " + first));
            }
        }
        List<Change> added = new ArrayList<>();
        List<Change> updated = new ArrayList<>();
        Map<AreaLevel, int[]> counts = new EnumMap<>(AreaLevel.class);
        for (AreaLevel level : AreaLevel.values()) {
            counts.put(level, new int[3]);
        }
        for (RegistryRow row : rows) {
            String parent = AreaLevel.parentCode(row.code()).orElse(null);
            if (parent != null && !firstAt.containsKey(parent) && !stored.containsKey(parent)) {
                errors.add(new Error(row.at(), codeField, "its " + row.level().parent().orElseThrow().name().toLowerCase()
                        + " " + parent + " is neither in the input nor registered for the year"));
            }
            if (row.name() == null || row.name().isBlank()) {
                errors.add(new Error(row.at(), "name", "is missing"));
            } else if (row.name().strip().length() > MAX_NAME) {
                errors.add(new Error(row.at(), "name", "is longer than " + MAX_NAME + " characters"));
            }
            Stored before = stored.get(row.code());
            Integer corporationHomes = row.corporationHomes() != null || before == null ? row.corporationHomes() : before.corporationHomes();
            if (corporationHomes != null && row.homes() != null && row.homes() < corporationHomes) {
                errors.add(new Error(row.at(), "homes", row.homes() + " is fewer than the " + corporationHomes + " corporation homes "
                        + (row.corporationHomes() != null ? "it gives" : "registered for " + row.code())));
            }
            if (before == null) {
                added.add(new Change(row, parent, corporationHomes, null));
                counts.get(row.level())[0]++;
            } else if (!before.name().equals(row.name() == null ? null : row.name().strip()) || !Objects.equals(before.parentCode(), parent)
                    || !Objects.equals(before.households(), row.households()) || !Objects.equals(before.homes(), row.homes())
                    || !Objects.equals(before.corporationHomes(), corporationHomes)) {
                updated.add(new Change(row, parent, corporationHomes, before));
                counts.get(row.level())[1]++;
            } else {
                counts.get(row.level())[2]++;
            }
        }
        Map<AreaLevel, Counts> byLevel = new EnumMap<>(AreaLevel.class);
        counts.forEach((level, c) -> byLevel.put(level, new Counts(c[0], c[1], c[2])));
        return new Plan(added, updated, byLevel, errors);
    }

    /** The codes of the input not in the previous year's, and the previous year's not in the input, by level. */
    public static Since since(Collection<String> codes, Collection<String> previousCodes, int cap) {
        Set<String> now = new HashSet<>(codes);
        Set<String> before = new HashSet<>(previousCodes);
        return new Since(byLevel(now.stream().filter(c -> !before.contains(c)).toList(), cap),
                byLevel(before.stream().filter(c -> !now.contains(c)).toList(), cap));
    }

    private static Map<AreaLevel, Codes> byLevel(Collection<String> codes, int cap) {
        Map<AreaLevel, TreeSet<String>> sorted = new EnumMap<>(AreaLevel.class);
        for (AreaLevel level : AreaLevel.values()) {
            sorted.put(level, new TreeSet<>());
        }
        codes.forEach(code -> sorted.get(AreaLevel.ofCode(code).orElseThrow()).add(code));
        Map<AreaLevel, Codes> byLevel = new EnumMap<>(AreaLevel.class);
        sorted.forEach((level, set) -> byLevel.put(level, new Codes(set.size(), set.stream().limit(cap).toList())));
        return byLevel;
    }
}
