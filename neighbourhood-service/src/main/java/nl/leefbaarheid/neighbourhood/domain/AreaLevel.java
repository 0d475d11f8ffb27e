package nl.leefbaarheid.neighbourhood.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The CBS area levels and their codes: {@code GM} + 4 digits, {@code WK} + 6 and {@code BU} + 8, where the
 * district and neighbourhood parts may hold capital letters (municipalities with 100 or more districts).
 */
public enum AreaLevel {
    @JsonProperty("municipality")
    MUNICIPALITY("GM", 0),
    @JsonProperty("district")
    DISTRICT("WK", 2),
    @JsonProperty("neighbourhood")
    NEIGHBOURHOOD("BU", 4);

    /** Any valid area code, for request validation. */
    public static final String CODE_PATTERN = "GM\\d{4}|WK\\d{4}[0-9A-Z]{2}|BU\\d{4}[0-9A-Z]{4}";

    private final String prefix;
    /** The digits or capitals after the municipality's four digits. */
    private final int parts;

    AreaLevel(String prefix, int parts) {
        this.prefix = prefix;
        this.parts = parts;
    }

    /**
     * The level a well-formed code belongs to ({@link #CODE_PATTERN}); empty for anything else. Checked character by
     * character: an import checks some 130,000 codes, and a regular expression's matcher per code and level was a fifth
     * of what it allocated.
     */
    public static Optional<AreaLevel> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (AreaLevel level : values()) {
            if (level.matches(code)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    private boolean matches(String code) {
        if (code.length() != 6 + parts || !code.startsWith(prefix)) {
            return false;
        }
        for (int i = 2; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (i < 6 || c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** The level one up, or empty for a municipality. */
    public Optional<AreaLevel> parent() {
        return this == MUNICIPALITY ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** Whether {@code parentCode} can contain {@code code}: the CBS code of a child starts with its parent's digits. */
    public static boolean contains(String parentCode, String code) {
        return parentCode.substring(2).equals(code.substring(2, parentCode.length()));
    }

    /** The code of the area one up that contains a well-formed code ({@code BU09990101 -> WK099901 -> GM0999}); empty for a municipality. */
    public static Optional<String> parentCode(String code) {
        AreaLevel level = ofCode(code).orElseThrow(() -> new IllegalArgumentException("not a CBS area code: " + code));
        return level.parent().map(parent -> parent.prefix + code.substring(2, parent == MUNICIPALITY ? 6 : 8));
    }

    public String prefix() {
        return prefix;
    }
}
