package nl.leefbaarheid.catalog.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leefbaarheid.catalog.domain.Coded;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.Direction;
import nl.leefbaarheid.catalog.domain.EffectMeasurement;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.Instrument;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.domain.SearchText;
import nl.leefbaarheid.catalog.domain.Strategy;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a toolbox workbook as {@link ToolboxWriter} writes it (and as people edit it): sheets are themes,
 * columns are found by header, lists of values by code or Dutch label, ignoring case and accents. Every
 * problem is collected with its sheet, row and column; the caller imports nothing if there is any.
 */
public final class ToolboxReader {

    /** Rows per sheet beyond which a workbook is refused, whatever its size in bytes. */
    static final int MAX_ROWS = 5_000;

    static {
        // A workbook is a zip file: refuse entries that inflate to absurd sizes (zip bombs).
        ZipSecureFile.setMinInflateRatio(0.005);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    /** One interventions row: where it is, its content and the status it asks for (null: keep, or draft if new). */
    public record ParsedRow(String sheet, int row, Map<ToolboxColumn, Integer> columns, InterventionSpec spec,
            InterventionStatus status) {

        public WorkbookError error(String fieldPath, String message) {
            ToolboxColumn column = ToolboxColumn.ofField(fieldPath);
            return new WorkbookError(sheet, row, column, column == null ? null : columns.get(column), message);
        }
    }

    public record Result(List<ParsedRow> rows, List<WorkbookError> errors) {
    }

    /** The file is no readable .xlsx workbook at all. */
    public static class UnreadableWorkbookException extends Exception {
        UnreadableWorkbookException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ToolboxReader() {
    }

    public static Result read(byte[] content, ToolboxLayout layout) throws UnreadableWorkbookException {
        try (XSSFWorkbook workbook = open(content)) {
            List<ParsedRow> rows = new ArrayList<>();
            List<WorkbookError> errors = new ArrayList<>();
            Map<String, ParsedRow> byCode = new HashMap<>();
            int themeSheets = 0;
            for (Sheet sheet : workbook) {
                if (SearchText.normalize(sheet.getSheetName()).equals(SearchText.normalize(ToolboxLayout.INTRO_SHEET))) {
                    continue;
                }
                Optional<ToolboxLayout.ThemeRef> theme = layout.themeOfSheet(sheet.getSheetName());
                if (theme.isEmpty()) {
                    errors.add(new WorkbookError(sheet.getSheetName(), 1, null, null, "sheet '" + sheet.getSheetName()
                            + "' is not a theme of the catalogue; sheets are named after themes: "
                            + String.join(", ", layout.themes().stream().map(ToolboxLayout.ThemeRef::sheetName).toList())));
                    continue;
                }
                themeSheets++;
                new SheetReader(sheet, theme.get(), errors).read(rows, byCode);
            }
            if (themeSheets == 0 && errors.isEmpty()) {
                errors.add(new WorkbookError(ToolboxLayout.INTRO_SHEET, 1, null, null,
                        "the workbook has no theme sheets; export the toolbox for the expected layout"));
            }
            return new Result(rows, errors);
        } catch (IOException e) {
            throw new UnreadableWorkbookException("The workbook could not be read: " + e.getMessage(), e);
        }
    }

    private static XSSFWorkbook open(byte[] content) throws UnreadableWorkbookException {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI signals "not OOXML", "old .xls", "empty", "corrupt zip" and "zip bomb" with various exceptions.
            throw new UnreadableWorkbookException("The file is not an Excel workbook (.xlsx) that can be read safely.", e);
        }
    }

    /** Reads the interventions rows of one theme sheet. */
    private static final class SheetReader {
        private final Sheet sheet;
        private final ToolboxLayout.ThemeRef theme;
        private final List<WorkbookError> errors;
        private final DataFormatter formatter = new DataFormatter();
        private final Map<ToolboxColumn, Integer> columns = new EnumMap<>(ToolboxColumn.class);
        private int rowNumber;
        private boolean rowFailed;

        SheetReader(Sheet sheet, ToolboxLayout.ThemeRef theme, List<WorkbookError> errors) {
            this.sheet = sheet;
            this.theme = theme;
            this.errors = errors;
        }

        void read(List<ParsedRow> rows, Map<String, ParsedRow> byCode) {
            if (!readHeader()) {
                return;
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                errors.add(new WorkbookError(sheet.getSheetName(), MAX_ROWS + 2, null, null,
                        "the sheet has more than " + MAX_ROWS + " rows"));
                return;
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row)) {
                    continue;
                }
                rowNumber = r + 1;
                rowFailed = false;
                ParsedRow parsed = readRow(row);
                String code = parsed.spec().code();
                ParsedRow first = code == null ? null : byCode.putIfAbsent(code, parsed);
                if (first != null) {
                    fail(ToolboxColumn.CODE, "code '" + code + "' also appears on sheet '" + first.sheet()
                            + "' row " + first.row() + "; each intervention may appear once");
                }
                if (!rowFailed) {
                    rows.add(parsed);
                }
            }
        }

        private boolean readHeader() {
            Row header = sheet.getRow(0);
            Map<String, ToolboxColumn> known = new HashMap<>();
            for (ToolboxColumn column : ToolboxColumn.values()) {
                known.put(SearchText.normalize(column.header()), column);
            }
            if (header != null) {
                for (Cell cell : header) {
                    ToolboxColumn column = known.get(SearchText.normalize(formatter.formatCellValue(cell)));
                    if (column == null) {
                        continue; // extra columns (notes, colours) are the user's own
                    }
                    if (columns.putIfAbsent(column, cell.getColumnIndex()) != null) {
                        errors.add(new WorkbookError(sheet.getSheetName(), 1, column, cell.getColumnIndex(),
                                "the column appears twice"));
                    }
                }
            }
            boolean complete = true;
            for (ToolboxColumn column : ToolboxColumn.values()) {
                if (column.requiredInLayout() && !columns.containsKey(column)) {
                    errors.add(new WorkbookError(sheet.getSheetName(), 1, column, null,
                            "the column is missing from the header row (row 1)"));
                    complete = false;
                }
            }
            return complete;
        }

        private boolean blank(Row row) {
            for (Integer c : columns.values()) {
                Cell cell = row.getCell(c);
                if (cell != null && !formatter.formatCellValue(cell).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private ParsedRow readRow(Row row) {
            String subtopicText = text(row, ToolboxColumn.SUBTOPIC);
            String subtopicCode = null;
            if (subtopicText != null) {
                subtopicCode = theme.subtopic(subtopicText).map(ToolboxLayout.SubtopicRef::code).orElse(null);
                if (subtopicCode == null) {
                    fail(ToolboxColumn.SUBTOPIC, "'" + subtopicText + "' is not a subtopic of theme '" + theme.name()
                            + "'; one of: " + String.join(", ", theme.subtopics().stream().map(ToolboxLayout.SubtopicRef::name).toList()));
                }
            }
            EffectMeasurement measurement = new EffectMeasurement(
                    codeList(row, ToolboxColumn.MEASURED_INDICATORS),
                    coded(row, ToolboxColumn.INSTRUMENT, Instrument.class),
                    integer(row, ToolboxColumn.BASELINE),
                    integer(row, ToolboxColumn.INTERIM),
                    integer(row, ToolboxColumn.FINAL),
                    coded(row, ToolboxColumn.DIRECTION, Direction.class),
                    decimal(row, ToolboxColumn.MINIMAL_CHANGE));
            InterventionSpec spec = new InterventionSpec(
                    text(row, ToolboxColumn.CODE),
                    subtopicCode != null ? subtopicCode : subtopicText,
                    text(row, ToolboxColumn.TITLE),
                    text(row, ToolboxColumn.SUMMARY),
                    text(row, ToolboxColumn.GOAL),
                    text(row, ToolboxColumn.TARGET_GROUP),
                    text(row, ToolboxColumn.APPROACH),
                    lines(row, ToolboxColumn.WORKING_ELEMENTS),
                    lines(row, ToolboxColumn.PRECONDITIONS),
                    text(row, ToolboxColumn.CARRIED_OUT_BY),
                    codedList(row, ToolboxColumn.PARTNER_TYPES, PartnerType.class),
                    bool(row, ToolboxColumn.CORPORATION_ALONE),
                    coded(row, ToolboxColumn.STRATEGY, Strategy.class),
                    codedList(row, ToolboxColumn.DIMENSIONS, Dimension.class),
                    codeList(row, ToolboxColumn.INDICATORS),
                    coded(row, ToolboxColumn.COST_BAND, CostBand.class),
                    integer(row, ToolboxColumn.DURATION),
                    coded(row, ToolboxColumn.EVIDENCE_LEVEL, EvidenceLevel.class),
                    date(row, ToolboxColumn.EVIDENCE_ASSESSED_ON),
                    lines(row, ToolboxColumn.EXAMPLES),
                    measurement);
            InterventionStatus status = coded(row, ToolboxColumn.STATUS, InterventionStatus.class);
            return new ParsedRow(sheet.getSheetName(), rowNumber, Map.copyOf(columns), spec, status);
        }

        private void fail(ToolboxColumn column, String message) {
            rowFailed = true;
            errors.add(new WorkbookError(sheet.getSheetName(), rowNumber, column, columns.get(column), message));
        }

        private Cell cell(Row row, ToolboxColumn column) {
            Integer index = columns.get(column);
            return index == null ? null : row.getCell(index);
        }

        private String text(Row row, ToolboxColumn column) {
            Cell cell = cell(row, column);
            if (cell == null) {
                return null;
            }
            String value = cell.getCellType() == CellType.FORMULA ? formatter.formatCellValue(cell, null)
                    : formatter.formatCellValue(cell);
            value = value.replace("\r\n", "\n").strip();
            return value.isEmpty() ? null : value;
        }

        private List<String> lines(Row row, ToolboxColumn column) {
            String value = text(row, column);
            return value == null ? List.of()
                    : Arrays.stream(value.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private List<String> codeList(Row row, ToolboxColumn column) {
            String value = text(row, column);
            return value == null ? List.of()
                    : Arrays.stream(value.split("[,;\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private <E extends Enum<E> & Coded> E coded(Row row, ToolboxColumn column, Class<E> type) {
            String value = text(row, column);
            if (value == null) {
                return null;
            }
            Optional<E> parsed = Coded.parse(type, value);
            if (parsed.isEmpty()) {
                fail(column, "'" + value + "' is not one of: " + String.join(", ",
                        Arrays.stream(type.getEnumConstants()).map(Coded::label).toList()));
            }
            return parsed.orElse(null);
        }

        private <E extends Enum<E> & Coded> List<E> codedList(Row row, ToolboxColumn column, Class<E> type) {
            List<E> values = new ArrayList<>();
            for (String item : codeList(row, column)) {
                Optional<E> parsed = Coded.parse(type, item);
                if (parsed.isPresent()) {
                    values.add(parsed.get());
                } else {
                    fail(column, "'" + item + "' is not one of: " + String.join(", ",
                            Arrays.stream(type.getEnumConstants()).map(Coded::label).toList()));
                }
            }
            return values;
        }

        private Boolean bool(Row row, ToolboxColumn column) {
            Cell cell = cell(row, column);
            if (cell != null && cell.getCellType() == CellType.BOOLEAN) {
                return cell.getBooleanCellValue();
            }
            String value = text(row, column);
            if (value == null) {
                return null;
            }
            return switch (SearchText.normalize(value)) {
                case "ja", "yes", "true", "waar", "j" -> true;
                case "nee", "no", "false", "onwaar", "n" -> false;
                default -> {
                    fail(column, "'" + value + "' is not " + ToolboxWriter.YES + " or " + ToolboxWriter.NO);
                    yield null;
                }
            };
        }

        private BigDecimal decimal(Row row, ToolboxColumn column) {
            Cell cell = cell(row, column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                return BigDecimal.valueOf(cell.getNumericCellValue());
            }
            String value = text(row, column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException e) {
                fail(column, "'" + value + "' is not a number");
                return null;
            }
        }

        private Integer integer(Row row, ToolboxColumn column) {
            BigDecimal value = decimal(row, column);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                fail(column, "'" + value.toPlainString() + "' is not a whole number");
                return null;
            }
        }

        private LocalDate date(Row row, ToolboxColumn column) {
            Cell cell = cell(row, column);
            // A number in a date column is an Excel date serial, formatted as a date or not (pasted values).
            if (cell != null && cell.getCellType() == CellType.NUMERIC
                    && DateUtil.isValidExcelDate(cell.getNumericCellValue())) {
                return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
            }
            String value = text(row, column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(value, java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy"));
                } catch (DateTimeParseException again) {
                    fail(column, "'" + value + "' is not a date (yyyy-mm-dd or dd-mm-yyyy)");
                    return null;
                }
            }
        }
    }
}
