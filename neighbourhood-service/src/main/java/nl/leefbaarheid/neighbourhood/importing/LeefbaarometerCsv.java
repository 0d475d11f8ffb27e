package nl.leefbaarheid.neighbourhood.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;

/**
 * Reads the Leefbaarometer open-data file for neighbourhoods: columns found by name ({@code bu_code, jaar,
 * lbm, afw, won, fys, vrz, soc, onv}, optionally {@code bu_naam} and the class columns {@code kscore} or
 * {@code kafw}, {@code kwon}, {@code kfys}, {@code kvrz}, {@code ksoc}, {@code konv}), any order, comma or
 * semicolon separated, decimal point or comma, all measurement years in one file. Every problem is reported
 * with its line number.
 */
public final class LeefbaarometerCsv {

    static final List<String> REQUIRED = List.of("bu_code", "jaar", "afw", "won", "fys", "vrz", "soc", "onv");
    /** Score column to indicator code. */
    static final Map<String, String> SCORES = scores();
    /** Class column to the indicator it classifies. */
    static final Map<String, String> CLASSES = Map.of("kafw", "lbm.afw", "kscore", "lbm.afw", "kwon", "lbm.won",
            "kfys", "lbm.fys", "kvrz", "lbm.vrz", "ksoc", "lbm.soc", "konv", "lbm.onv");

    /** The indicators of the file, in the order of {@link Row}'s arrays. */
    public static final List<String> INDICATORS = List.copyOf(SCORES.values());

    /**
     * One neighbourhood in one measurement year: its score and class of each of {@link #INDICATORS}, in that order
     * (NaN and 0 where the file has none). Arrays rather than maps, since a national file holds some 130,000 rows.
     */
    public record Row(int line, String code, String name, int year, double[] values, byte[] classValues) {

        /** The scores, by indicator code. */
        public Map<String, Double> scores() {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    scores.put(INDICATORS.get(i), values[i]);
                }
            }
            return scores;
        }

        /** The classes, by indicator code. */
        public Map<String, Integer> classes() {
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (int i = 0; i < classValues.length; i++) {
                if (classValues[i] != 0) {
                    classes.put(INDICATORS.get(i), (int) classValues[i]);
                }
            }
            return classes;
        }
    }

    public record LineError(int line, String column, String message) {
    }

    public record Result(List<Row> rows, List<LineError> errors) {
    }

    private LeefbaarometerCsv() {
    }

    private static Map<String, String> scores() {
        Map<String, String> scores = new LinkedHashMap<>();
        for (String column : List.of("lbm", "afw", "won", "fys", "vrz", "soc", "onv")) {
            scores.put(column, "lbm." + column);
        }
        return scores;
    }

    public static Result read(String text) {
        // line by line, not split into a list first: a national file is some 130,000 lines
        Iterator<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().iterator();
        String headerLine = lines.hasNext() ? lines.next() : "";
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        if (headerLine.isBlank()) {
            errors.add(new LineError(1, null, "the file is empty; the first line must name the columns"));
            return new Result(rows, errors);
        }
        char separator = CsvLines.separator(headerLine);
        List<String> header = CsvLines.fields(headerLine, separator);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; header != null && i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (header == null || !missing.isEmpty()) {
            errors.add(new LineError(1, null, "the header line lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; found: " + (header == null ? "an unclosed quote" : String.join(", ", header))));
            return new Result(rows, errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int lineNumber = 2; lines.hasNext(); lineNumber++) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = CsvLines.fields(line, separator);
            if (fields == null) {
                errors.add(new LineError(lineNumber, null, "a quote is not closed"));
                continue;
            }
            if (fields.size() < header.size()) {
                errors.add(new LineError(lineNumber, null, "has " + fields.size() + " fields where the header has "
                        + header.size() + " (is the separator '" + separator + "' used throughout?)"));
                continue;
            }
            Row row = row(lineNumber, fields, columns, errors);
            if (row == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(row.code() + "/" + row.year(), lineNumber);
            if (first != null) {
                errors.add(new LineError(lineNumber, "bu_code", row.code() + " in " + row.year() + " also appears on line " + first));
                continue;
            }
            rows.add(row);
        }
        return new Result(rows, errors);
    }

    private static Row row(int line, List<String> fields, Map<String, Integer> columns, List<LineError> errors) {
        int before = errors.size();
        String code = fields.get(columns.get("bu_code")).toUpperCase(Locale.ROOT);
        if (AreaLevel.ofCode(code).orElse(null) != AreaLevel.NEIGHBOURHOOD) {
            errors.add(new LineError(line, "bu_code", "'" + code + "' is not a neighbourhood code (BU + 8 digits or capitals)"));
        }
        Integer year = null;
        try {
            year = Integer.parseInt(fields.get(columns.get("jaar")));
            if (year < 1998 || year > 2100) {
                errors.add(new LineError(line, "jaar", "'" + year + "' is not a measurement year"));
            }
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, "jaar", "'" + fields.get(columns.get("jaar")) + "' is not a year"));
        }
        double[] values = new double[INDICATORS.size()];
        Arrays.fill(values, Double.NaN);
        for (Map.Entry<String, String> score : SCORES.entrySet()) {
            Integer index = columns.get(score.getKey());
            if (index == null) {
                continue;
            }
            try {
                Double value = CsvLines.number(fields.get(index));
                if (value == null && REQUIRED.contains(score.getKey())) {
                    errors.add(new LineError(line, score.getKey(), "is empty"));
                } else if (value != null) {
                    values[INDICATORS.indexOf(score.getValue())] = value;
                }
            } catch (NumberFormatException e) {
                errors.add(new LineError(line, score.getKey(), "'" + fields.get(index) + "' is not a number"));
            }
        }
        byte[] classes = new byte[INDICATORS.size()];
        for (Map.Entry<String, String> classColumn : CLASSES.entrySet()) {
            Integer index = columns.get(classColumn.getKey());
            if (index == null || fields.get(index).isBlank()) {
                continue;
            }
            try {
                int value = Integer.parseInt(fields.get(index).strip());
                if (value < 1 || value > 9) {
                    throw new NumberFormatException();
                }
                classes[INDICATORS.indexOf(classColumn.getValue())] = (byte) value;
            } catch (NumberFormatException e) {
                errors.add(new LineError(line, classColumn.getKey(), "'" + fields.get(index) + "' is not a class 1 to 9"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Integer nameIndex = columns.get("bu_naam");
        return new Row(line, code, nameIndex == null ? null : fields.get(nameIndex), year, values, classes);
    }
}
