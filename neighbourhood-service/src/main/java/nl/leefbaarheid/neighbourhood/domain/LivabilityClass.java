package nl.leefbaarheid.neighbourhood.domain;

import java.util.List;

/**
 * The nine Leefbaarometer classes, 1 (zeer onvoldoende) to 9 (uitstekend). Where a file carries classes they
 * are used; otherwise a class is derived from a score and eight ascending boundaries (configurable, since
 * the official boundaries are not published in a form we could confirm).
 */
public final class LivabilityClass {

    public static final List<String> LABELS = List.of("zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak",
            "voldoende", "ruim voldoende", "goed", "zeer goed", "uitstekend");

    private LivabilityClass() {
    }

    public static String label(int livabilityClass) {
        return LABELS.get(livabilityClass - 1);
    }

    /** Class 1 below the first boundary, 9 at or above the last. */
    public static int derive(double score, List<Double> boundaries) {
        if (boundaries.size() != 8) {
            throw new IllegalArgumentException("eight class boundaries are needed, got " + boundaries.size());
        }
        int livabilityClass = 1;
        for (double boundary : boundaries) {
            if (score >= boundary) {
                livabilityClass++;
            }
        }
        return livabilityClass;
    }
}
