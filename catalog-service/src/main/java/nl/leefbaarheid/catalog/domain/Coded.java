package nl.leefbaarheid.catalog.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value of a closed list with a stable code (used in the API and in events) and a Dutch label (used in the
 * toolbox workbook). The code is the enum name in lower case with hyphens.
 */
public interface Coded {

    String name();

    String label();

    default String code() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Finds the value whose code or Dutch label matches the text, ignoring case, accents and spacing. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = SearchText.normalize(text).replace(' ', '-');
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.code().equals(wanted)
                        || SearchText.normalize(value.label()).replace(' ', '-').equals(wanted))
                .findFirst();
    }

    /** The codes of all values, for messages that list what is allowed. */
    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
