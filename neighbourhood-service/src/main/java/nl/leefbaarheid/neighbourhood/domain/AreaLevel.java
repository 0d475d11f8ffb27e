package nl.leefbaarheid.neighbourhood.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CBS area levels and their codes: {@code GM} + 4 digits, {@code WK} + 6 and {@code BU} + 8, where the
 * district and neighbourhood parts may hold capital letters (municipalities with 100 or more districts).
 */
public enum AreaLevel {
    @JsonProperty("municipality")
    MUNICIPALITY("GM", Pattern.compile("GM\\d{4}")),
    @JsonProperty("district")
    DISTRICT("WK", Pattern.compile("WK\\d{4}[0-9A-Z]{2}")),
    @JsonProperty("neighbourhood")
    NEIGHBOURHOOD("BU", Pattern.compile("BU\\d{4}[0-9A-Z]{4}"));

    /** Any valid area code, for request validation. */
    public static final String CODE_PATTERN = "GM\\d{4}|WK\\d{4}[0-9A-Z]{2}|BU\\d{4}[0-9A-Z]{4}";

    private final String prefix;
    private final Pattern code;

    AreaLevel(String prefix, Pattern code) {
        this.prefix = prefix;
        this.code = code;
    }

    /** The level a well-formed code belongs to; empty for anything else. */
    public static Optional<AreaLevel> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (AreaLevel level : values()) {
            if (level.code.matcher(code).matches()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
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
