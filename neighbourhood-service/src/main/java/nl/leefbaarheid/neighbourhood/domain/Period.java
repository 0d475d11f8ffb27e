package nl.leefbaarheid.neighbourhood.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A measurement period: a year ({@code 2024}), a quarter ({@code 2026-Q3}) or a month ({@code 2026-09}). */
public final class Period {

    public static final String PATTERN = "\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?";
    public static final String MESSAGE = "must be a year (2024), a quarter (2026-Q3) or a month (2026-09)";
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
        if (year < 1990 || year > 2100) {
            return Optional.empty();
        }
        int month = m.group(2) != null ? (Integer.parseInt(m.group(2)) - 1) * 3 + 1
                : m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
        return Optional.of(LocalDate.of(year, month, 1));
    }
}
