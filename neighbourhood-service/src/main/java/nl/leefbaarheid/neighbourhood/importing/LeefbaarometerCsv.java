package nl.leefbaarheid.neighbourhood.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;

/**
 * Reads a Leefbaarometer open-data file of any level: the level follows from the code column ({@code bu_code},
 * {@code wk_code} or {@code gm_code}; where a file has several, the finest: a neighbourhood file may carry its
 * municipality's code), its name column ({@code bu_naam}, {@code wk_naam}, {@code gm_naam}) optional. Further columns
 * found by name ({@code jaar, lbm, afw, won, fys, vrz, soc, onv}, and the class columns {@code kscore} or {@code kafw},
 * {@code kwon}, {@code kfys}, {@code kvrz}, {@code ksoc}, {@code konv} where present), any order; columns it does not
 * know, such as the unnamed row-number column that pandas writes first, are ignored. Comma or semicolon separated,
 * decimal point or comma, all measurement years in one file ({@link CsvFile}). Scores may be empty (an area that did
 * not exist yet, or too small to score): a row with some scores keeps those, a row with none is skipped and counted.
 * Every problem is reported with the line it starts on.
 */
public final class LeefbaarometerCsv {

    /** The code column of each level, finest first: the first one a header has decides the level. */
    static final Map<String, AreaLevel> CODE_COLUMNS = codeColumns();
    static final List<String> REQUIRED = List.of("jaar", "afw", "won", "fys", "vrz", "soc", "onv");
    /** Score column to indicator code. */
    static final Map<String, String> SCORES = scores();
    /** Class column to the indicator it classifies. */
    static final Map<String, String> CLASSES = Map.of("kafw", "lbm.afw", "kscore", "lbm.afw", "kwon", "lbm.won",
            "kfys", "lbm.fys", "kvrz", "lbm.vrz", "ksoc", "lbm.soc", "konv", "lbm.onv");

    /** The indicators of the file, in the order of {@link Row}'s arrays. */
    public static final List<String> INDICATORS = List.copyOf(SCORES.values());

    /**
     * One area in one measurement year: its score and class of each of {@link #INDICATORS}, in that order (NaN and 0
     * where the file has none). Arrays rather than maps, since a national file holds some 130,000 rows.
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

        /** The classes of the scores present, by indicator code. */
        public Map<String, Integer> classes() {
            Map<String, Integer> classes = new LinkedHashMap<>();
            for (int i = 0; i < classValues.length; i++) {
                if (classValues[i] != 0 && !Double.isNaN(values[i])) {
                    classes.put(INDICATORS.get(i), (int) classValues[i]);
                }
            }
            return classes;
        }
    }

    public record LineError(int line, String column, String message) {
    }

    /**
     * What a file holds.
     *
     * @param level     the level of its areas; null when the header has no code column
     * @param codeColumn the column the codes were read from
     * @param records   the records after the header, blank lines not counted
     * @param rows      the rows with at least one score
     * @param emptyRows the lines of the rows without any score, skipped
     */
    public record Result(AreaLevel level, String codeColumn, int records, List<Row> rows, List<Integer> emptyRows,
            List<LineError> errors) {
    }

    private LeefbaarometerCsv() {
    }

    private static Map<String, AreaLevel> codeColumns() {
        Map<String, AreaLevel> columns = new LinkedHashMap<>();
        columns.put("bu_code", AreaLevel.NEIGHBOURHOOD);
        columns.put("wk_code", AreaLevel.DISTRICT);
        columns.put("gm_code", AreaLevel.MUNICIPALITY);
        return columns;
    }

    private static Map<String, String> scores() {
        Map<String, String> scores = new LinkedHashMap<>();
        for (String column : List.of("lbm", "afw", "won", "fys", "vrz", "soc", "onv")) {
            scores.put(column, "lbm." + column);
        }
        return scores;
    }

    public static Result read(String text) {
        List<Row> rows = new ArrayList<>();
        List<Integer> emptyRows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        CsvFile file;
        try {
            file = CsvFile.of(text);
        } catch (CsvFile.Malformed e) {
            errors.add(new LineError(e.line(), null, e.getMessage()));
            return new Result(null, null, 0, rows, emptyRows, errors);
        }
        List<String> header = file.header();
        if (header.isEmpty()) {
            errors.add(new LineError(1, null, "the file is empty; the first line must name the columns"));
            return new Result(null, null, 0, rows, emptyRows, errors);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        String codeColumn = CODE_COLUMNS.keySet().stream().filter(columns::containsKey).findFirst().orElse(null);
        List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList());
        if (codeColumn == null) {
            missing.add(0, String.join(" or ", CODE_COLUMNS.keySet()));
        }
        if (!missing.isEmpty()) {
            errors.add(new LineError(1, null, "the header line lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; found: " + String.join(", ", header)));
            return new Result(null, null, 0, rows, emptyRows, errors);
        }
        AreaLevel level = CODE_COLUMNS.get(codeColumn);
        Map<String, Integer> seen = new HashMap<>();
        int records = 0;
        try {
            for (CsvFile.Record record : file) {
                records++;
                List<String> fields = record.fields();
                if (fields.size() < header.size()) {
                    errors.add(new LineError(record.line(), null, "has " + fields.size() + " fields where the header has "
                            + header.size() + " (is the separator '" + file.separator() + "' used throughout?)"));
                    continue;
                }
                Row row = row(record.line(), fields, level, codeColumn, columns, errors);
                if (row == null) {
                    continue;
                }
                if (row.scores().isEmpty()) {
                    emptyRows.add(row.line());
                    continue;
                }
                Integer first = seen.putIfAbsent(row.code() + "/" + row.year(), row.line());
                if (first != null) {
                    errors.add(new LineError(row.line(), codeColumn, row.code() + " in " + row.year() + " also appears on line " + first));
                    continue;
                }
                rows.add(row);
            }
        } catch (CsvFile.Malformed e) {
            errors.add(new LineError(e.line(), null, e.getMessage() + "; the file is not read past this line"));
        }
        return new Result(level, codeColumn, records, rows, emptyRows, errors);
    }

    private static Row row(int line, List<String> fields, AreaLevel level, String codeColumn, Map<String, Integer> columns,
            List<LineError> errors) {
        int before = errors.size();
        String code = fields.get(columns.get(codeColumn)).toUpperCase(Locale.ROOT);
        if (AreaLevel.ofCode(code).orElse(null) != level) {
            errors.add(new LineError(line, codeColumn, "'" + code + "' is not a " + level.name().toLowerCase(Locale.ROOT)
                    + " code (" + level.prefix() + " + " + digits(level) + ")"));
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
                Double value = CsvFile.number(fields.get(index));
                if (value != null) {
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
        Integer nameIndex = columns.get(codeColumn.replace("_code", "_naam"));
        return new Row(line, code, nameIndex == null ? null : fields.get(nameIndex), year, values, classes);
    }

    private static String digits(AreaLevel level) {
        return switch (level) {
            case MUNICIPALITY -> "4 digits";
            case DISTRICT -> "6 digits or capitals";
            case NEIGHBOURHOOD -> "8 digits or capitals";
        };
    }
}
