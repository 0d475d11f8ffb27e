package nl.leefbaarheid.neighbourhood.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
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

        public boolean hasScores() {
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    public record LineError(int line, String column, String message) {
    }

    /** Bad lines and rows without scores are counted; this many of each are kept. */
    public static final int LISTED = 200;

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

    /**
     * A file being read: its header first ({@link #open}), then its rows one at a time ({@link #next}), so that a national
     * file of some 130,000 rows is never held whole. What it skips (rows without scores) and what is wrong (with the line
     * each starts on) is counted as it goes; the first {@value #LISTED} of each are kept.
     */
    public static final class Reading {
        private final CsvFile file;
        private final Iterator<CsvFile.Record> records;
        private final AreaLevel level;
        private final String codeColumn;
        private final Map<String, Integer> columns;
        private final int width;
        /** Of each code read so far: its years and the line of each, as pairs (a national file has some 130,000 rows). */
        private final Map<String, int[]> seen = new HashMap<>();
        private final List<Integer> emptyRows = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private int recordCount;
        private int emptyRowCount;
        private int errorCount;

        private Reading(CsvFile file, AreaLevel level, String codeColumn, Map<String, Integer> columns) {
            this.file = file;
            this.records = file == null || level == null ? Collections.emptyIterator() : file.iterator();
            this.level = level;
            this.codeColumn = codeColumn;
            this.columns = columns;
            this.width = file == null ? 0 : file.header().size();
        }

        /** The level of the file's areas; null when the header has no code column. */
        public AreaLevel level() {
            return level;
        }

        /**
         * The next row with at least one score and no errors; null at the end of the file (or at a quote not closed, after
         * which nothing is read).
         */
        public Row next() {
            try {
                while (records.hasNext()) {
                    CsvFile.Record record = records.next();
                    recordCount++;
                    List<String> fields = record.fields();
                    if (fields.size() < width) {
                        error(new LineError(record.line(), null, "has " + fields.size() + " fields where the header has " + width
                                + " (is the separator '" + file.separator() + "' used throughout?)"));
                        continue;
                    }
                    List<LineError> problems = new ArrayList<>(0);
                    Row row = row(record.line(), fields, level, codeColumn, columns, problems);
                    if (row == null) {
                        problems.forEach(this::error);
                        continue;
                    }
                    if (!row.hasScores()) {
                        emptyRowCount++;
                        if (emptyRows.size() < LISTED) {
                            emptyRows.add(row.line());
                        }
                        continue;
                    }
                    Integer first = firstLine(row);
                    if (first != null) {
                        error(new LineError(row.line(), codeColumn, row.code() + " in " + row.year() + " also appears on line " + first));
                        continue;
                    }
                    return row;
                }
            } catch (CsvFile.Malformed e) {
                error(new LineError(e.line(), null, e.getMessage() + "; the file is not read past this line"));
            }
            seen.clear(); // the end: what the import does next needs the room
            return null;
        }

        /** The line a row's code and year were read on before; null (and remembered) when they are new. */
        private Integer firstLine(Row row) {
            int[] pairs = seen.get(row.code());
            int n = pairs == null ? 0 : pairs[0];
            for (int i = 0; i < n; i++) {
                if (pairs[1 + 2 * i] == row.year()) {
                    return pairs[2 + 2 * i];
                }
            }
            if (pairs == null || pairs.length < 3 + 2 * n) {
                pairs = Arrays.copyOf(pairs == null ? new int[1] : pairs, 3 + 2 * Math.max(n * 2, 4));
                seen.put(row.code(), pairs);
            }
            pairs[1 + 2 * n] = row.year();
            pairs[2 + 2 * n] = row.line();
            pairs[0] = n + 1;
            return null;
        }

        private void error(LineError error) {
            errorCount++;
            if (errors.size() < LISTED) {
                errors.add(error);
            }
        }

        /** Records read so far, blank lines not counted. */
        public int records() {
            return recordCount;
        }

        /** Rows without any score so far, skipped. */
        public int emptyRowCount() {
            return emptyRowCount;
        }

        /** The lines of the first {@value #LISTED} of them. */
        public List<Integer> emptyRows() {
            return emptyRows;
        }

        /** Bad lines so far (the header's included): any refuses the file. */
        public int errorCount() {
            return errorCount;
        }

        /** The first {@value #LISTED} of them, in the order found. */
        public List<LineError> errors() {
            return errors;
        }
    }

    /** Reads the header of a file; its rows follow from {@link Reading#next}. A header with errors gives no rows. */
    public static Reading open(Reader text) {
        CsvFile file;
        try {
            file = CsvFile.of(text);
        } catch (CsvFile.Malformed e) {
            return refused(new LineError(e.line(), null, e.getMessage()));
        }
        List<String> header = file.header();
        if (header.isEmpty()) {
            return refused(new LineError(1, null, "the file is empty; the first line must name the columns"));
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
            return refused(new LineError(1, null, "the header line lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; found: " + String.join(", ", header)));
        }
        return new Reading(file, CODE_COLUMNS.get(codeColumn), codeColumn, columns);
    }

    private static Reading refused(LineError error) {
        Reading reading = new Reading(null, null, null, Map.of());
        reading.error(error);
        return reading;
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
