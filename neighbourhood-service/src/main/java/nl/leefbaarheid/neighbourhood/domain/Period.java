package nl.leefbaarheid.neighbourhood.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement period: a year ({@code 2024}), a quarter ({@code 2026-Q3}) or a month ({@code 2026-09}). The same rule
 * in evaluation-service and neighbourhood-service (each keeps its own copy), so that what one accepts the other does
 * not refuse later: its year is 2000 or later and it has started (its first day is today or earlier in the
 * Netherlands), so {@code 2026-12} is accepted from 1 December 2026 on.
 */
public final class Period {

    public static final String PATTERN = "\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?";
    public static final String MESSAGE = "must be a year (2024), a quarter (2026-Q3) or a month (2026-09)";
    public static final int FIRST_YEAR = 2000;
    /** Where "today" is: a period starts at midnight in the Netherlands, wherever the service runs. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    private Period() {
    }

    /** The first day of the period, for ordering; empty when the text is not a period. */
    public static Optional<LocalDate> start(String period) {
        if (period == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(period);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) != null ? (Integer.parseInt(m.group(2)) - 1) * 3 + 1
                : m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
        return Optional.of(LocalDate.of(year, month, 1));
    }

    /** Today in the Netherlands: the day {@link #problem} compares with. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** What is wrong with the period on {@code today}, or empty when it may be recorded. */
    public static Optional<String> problem(String period, LocalDate today) {
        Optional<LocalDate> start = start(period);
        if (start.isEmpty()) {
            return Optional.of(MESSAGE);
        }
        if (start.get().getYear() < FIRST_YEAR) {
            return Optional.of("must lie in " + FIRST_YEAR + " or later");
        }
        if (start.get().isAfter(today)) {
            return Optional.of("has not started yet: it starts on " + start.get());
        }
        return Optional.empty();
    }
}
