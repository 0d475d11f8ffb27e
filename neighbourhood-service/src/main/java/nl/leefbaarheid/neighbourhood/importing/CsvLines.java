package nl.leefbaarheid.neighbourhood.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text as spreadsheets write it: comma or semicolon separated (the header line decides), fields
 * optionally in double quotes with doubled quotes inside. A byte order mark is ignored.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /** The separator of a file: semicolon when the header line has more semicolons than commas. */
    public static char separator(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    public static List<String> lines(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return List.of(text.split("\r?\n", -1));
    }

    /** The fields of one line; null when a quote is not closed. */
    public static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** A number with a decimal point or a decimal comma; null when empty; NumberFormatException otherwise. */
    public static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip();
        if (plain.contains(",") && !plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        double value = Double.parseDouble(plain);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("not a finite number: " + text);
        }
        return value;
    }
}
