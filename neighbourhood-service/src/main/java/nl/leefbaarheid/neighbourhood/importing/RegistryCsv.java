package nl.leefbaarheid.neighbourhood.importing;

import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.RegistryRow;

/**
 * Reads the CBS table "Kerncijfers wijken en buurten" of one year as users download it ({@link CsvFile}: semicolon or
 * comma separated, quoted text). Its columns carry a numeric suffix that changes between years ({@code SoortRegio_2},
 * {@code Codering_3}, {@code HuishoudensTotaal_29}): they are found by their stem, the name before {@code _<digits>},
 * case-insensitive, any order, unknown columns ignored. Values are trimmed (codes and kinds are padded with spaces) and
 * {@code .} is a missing value.
 * <ul>
 * <li>{@code Codering} (required) is the code; its level follows from it.</li>
 * <li>{@code SoortRegio} (optional), Gemeente, Wijk or Buurt, must agree with the code; a row of the whole country
 * ({@code Land}, or the code {@code NL00}) is skipped.</li>
 * <li>{@code WijkenEnBuurten} is the name in a download. In the OData typed data set it holds the code instead: where it
 * equals the code, the name is taken from a {@code Naam} column, or for a municipality from {@code Gemeentenaam}; failing
 * both the code itself is the name (an area must have one).</li>
 * <li>{@code HuishoudensTotaal} and {@code Woningvoorraad} are the households and homes (whole numbers, missing allowed).</li>
 * <li>{@code InBezitWoningcorporatie} is the percentage of the homes owned by housing corporations (0 to 100, decimals
 * allowed): the corporation homes are that share of {@code Woningvoorraad}, rounded to whole homes (half up). Missing, or
 * without homes, it says nothing, and the corporation homes registered stay.</li>
 * </ul>
 * Every problem is reported with its line and column.
 */
public final class RegistryCsv {

    static final String CODE = "codering";
    static final String KIND = "soortregio";
    static final String NAME = "wijkenenbuurten";
    static final String PLAIN_NAME = "naam";
    static final String MUNICIPALITY_NAME = "gemeentenaam";
    static final String HOUSEHOLDS = "huishoudenstotaal";
    static final String HOMES = "woningvoorraad";
    static final String CORPORATION_SHARE = "inbezitwoningcorporatie";
    /** The kinds of {@code SoortRegio}, lower case. */
    static final Map<String, AreaLevel> KINDS = Map.of("gemeente", AreaLevel.MUNICIPALITY, "wijk", AreaLevel.DISTRICT,
            "buurt", AreaLevel.NEIGHBOURHOOD);
    static final String COUNTRY = "land";

    public record LineError(int line, String column, String message) {
    }

    /**
     * What a file holds.
     *
     * @param codeColumn the header name of the code column (for errors found later), null when absent
     * @param rows       the municipalities, districts and neighbourhoods, in file order: every row with a valid code, also
     *                   one with errors in other columns (so that its children find their parent when the errors are checked)
     * @param countryRows the lines of the rows of the whole country, skipped
     */
    public record Result(String codeColumn, List<RegistryRow> rows, List<Integer> countryRows, List<LineError> errors) {
    }

    private RegistryCsv() {
    }

    /** The stem of a column name: without a suffix {@code _<digits>}, lower case. */
    static String stem(String column) {
        return column.strip().replaceFirst("_\\d+$", "").toLowerCase(Locale.ROOT);
    }

    /** Reads a file as it streams in (the caller closes the reader); its rows are kept, one small record per area. */
    public static Result read(Reader text) {
        List<RegistryRow> rows = new ArrayList<>();
        List<Integer> countryRows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        CsvFile file;
        try {
            file = CsvFile.of(text);
        } catch (CsvFile.Malformed e) {
            errors.add(new LineError(e.line(), null, e.getMessage()));
            return new Result(null, rows, countryRows, errors);
        }
        List<String> header = file.header();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(stem(header.get(i)), i);
        }
        if (!columns.containsKey(CODE)) {
            errors.add(new LineError(1, null, header.isEmpty() ? "the file is empty; the first line must name the columns"
                    : "the header line lacks a column Codering (Codering_<n>); found: " + String.join(", ", header)));
            return new Result(null, rows, countryRows, errors);
        }
        Columns names = new Columns(header, columns);
        try {
            for (CsvFile.Record record : file) {
                List<String> fields = record.fields();
                if (fields.size() < header.size()) {
                    errors.add(new LineError(record.line(), null, "has " + fields.size() + " fields where the header has "
                            + header.size() + " (is the separator '" + file.separator() + "' used throughout?)"));
                    continue;
                }
                row(record.line(), fields, names, rows, countryRows, errors);
            }
        } catch (CsvFile.Malformed e) {
            errors.add(new LineError(e.line(), null, e.getMessage() + "; the file is not read past this line"));
        }
        return new Result(header.get(columns.get(CODE)), rows, countryRows, errors);
    }

    /** The header and the index of each stem. */
    private record Columns(List<String> header, Map<String, Integer> byStem) {
        /** The trimmed value of a stem's column; null when the file has no such column or the value is missing ({@code .} or empty). */
        String value(List<String> fields, String stem) {
            Integer index = byStem.get(stem);
            if (index == null) {
                return null;
            }
            String value = fields.get(index).strip();
            return value.isEmpty() || value.equals(".") ? null : value;
        }

        String name(String stem) {
            return header.get(byStem.get(stem)).strip();
        }
    }

    private static void row(int line, List<String> fields, Columns columns, List<RegistryRow> rows, List<Integer> countryRows,
            List<LineError> errors) {
        String code = columns.value(fields, CODE);
        String kind = columns.value(fields, KIND);
        if (COUNTRY.equalsIgnoreCase(kind) || "NL00".equalsIgnoreCase(code)) {
            countryRows.add(line);
            return;
        }
        AreaLevel level = code == null ? null : AreaLevel.ofCode(code.toUpperCase(Locale.ROOT)).orElse(null);
        if (level == null) {
            errors.add(new LineError(line, columns.name(CODE), code == null ? "is missing"
                    : "'" + code + "' is not a CBS code (GM + 4 digits, WK + 6, BU + 8)"));
        }
        if (kind != null) {
            AreaLevel kindLevel = KINDS.get(kind.toLowerCase(Locale.ROOT));
            if (kindLevel == null) {
                errors.add(new LineError(line, columns.name(KIND), "'" + kind + "' is not Gemeente, Wijk, Buurt or Land"));
            } else if (level != null && kindLevel != level) {
                errors.add(new LineError(line, columns.name(KIND), "'" + kind + "' does not fit the code " + code));
            }
        }
        Integer households = count(line, fields, columns, HOUSEHOLDS, errors);
        Integer homes = count(line, fields, columns, HOMES, errors);
        BigDecimal share = percentage(line, fields, columns, errors);
        if (level == null) {
            return;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        Integer corporationHomes = share == null || homes == null ? null
                : BigDecimal.valueOf(homes).multiply(share).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).intValueExact();
        rows.add(new RegistryRow("line " + line, upper, level, name(fields, columns, upper, level), households, homes, corporationHomes));
    }

    /** The percentage of homes owned by corporations: 0 to 100, decimal point or comma; null when missing. */
    private static BigDecimal percentage(int line, List<String> fields, Columns columns, List<LineError> errors) {
        String value = columns.value(fields, CORPORATION_SHARE);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal share = new BigDecimal(value.replace(',', '.'));
            if (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new NumberFormatException();
            }
            return share;
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, columns.name(CORPORATION_SHARE), "'" + value + "' is not a percentage (0 to 100, or . when missing)"));
            return null;
        }
    }

    /** The name: {@code WijkenEnBuurten}, unless it holds the code (OData) or is absent; then {@code Naam}, {@code Gemeentenaam} (of a municipality) or the code. */
    private static String name(List<String> fields, Columns columns, String code, AreaLevel level) {
        String name = columns.value(fields, NAME);
        if (name != null && !name.equalsIgnoreCase(code)) {
            return name;
        }
        String plain = columns.value(fields, PLAIN_NAME);
        if (plain != null) {
            return plain;
        }
        String municipality = columns.value(fields, MUNICIPALITY_NAME);
        return level == AreaLevel.MUNICIPALITY && municipality != null ? municipality : code;
    }

    private static Integer count(int line, List<String> fields, Columns columns, String stem, List<LineError> errors) {
        String value = columns.value(fields, stem);
        if (value == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(value);
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, columns.name(stem), "'" + value + "' is not a count (a whole number of 0 or more, or . when missing)"));
            return null;
        }
    }
}
