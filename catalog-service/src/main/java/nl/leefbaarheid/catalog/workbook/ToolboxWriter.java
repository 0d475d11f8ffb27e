package nl.leefbaarheid.catalog.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.leefbaarheid.catalog.api.InterventionView;
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
import nl.leefbaarheid.catalog.domain.Strategy;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the toolbox as people keep it in Excel: an explanation sheet, then a sheet per theme with a row per
 * intervention and the measurement method in columns; a bold, frozen header row with a filter, column widths
 * that fit, drop-down lists for the closed lists and dates as dates. {@link ToolboxReader} reads it back.
 */
public final class ToolboxWriter {

    /** Rows that get drop-down lists, beyond the rows written, so that users can add interventions. */
    private static final int VALIDATED_ROWS = 500;
    static final String YES = "Ja";
    static final String NO = "Nee";
    /** Separates the items of text lists (working elements, preconditions, examples) within a cell. */
    static final String LINE = "\n";
    /** Separates the items of code lists (partners, dimensions, indicators) within a cell. */
    static final String COMMA = ", ";

    private ToolboxWriter() {
    }

    public static byte[] write(ToolboxLayout layout, Collection<InterventionView> interventions, ZonedDateTime exportedAt,
            String selection) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            writeIntro(workbook, styles, exportedAt, selection);
            Map<String, List<InterventionView>> byTheme = interventions.stream()
                    .collect(Collectors.groupingBy(InterventionView::themeCode));
            for (ToolboxLayout.ThemeRef theme : layout.themes()) {
                writeTheme(workbook, styles, theme, byTheme.getOrDefault(theme.code(), List.of()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIntro(XSSFWorkbook workbook, Styles styles, ZonedDateTime exportedAt, String selection) {
        Sheet sheet = workbook.createSheet(ToolboxLayout.INTRO_SHEET);
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 110 * 256);
        int r = 0;
        text(sheet.createRow(r++), 0, "Toolbox leefbaarheid", styles.title);
        r++;
        pair(sheet, r++, "Geëxporteerd op", exportedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), styles);
        pair(sheet, r++, "Selectie", selection, styles);
        pair(sheet, r++, "Gebruik", "Elk thema heeft een eigen tabblad met een regel per interventie. Pas regels aan of voeg "
                + "regels toe en importeer het bestand weer: nieuwe interventies worden toegevoegd, gewijzigde krijgen een "
                + "nieuwe revisie. Laat de code leeg voor een nieuwe interventie. Kolommen 'Geldig tot' en 'Revisie' "
                + "worden bij import genegeerd.", styles);
        pair(sheet, r++, "Lijsten in een cel", "Werkzame elementen, randvoorwaarden en voorbeelden: één per regel (Alt+Enter). "
                + "Partners, dimensies en indicatoren: gescheiden door komma's.", styles);
        pair(sheet, r++, "Metingen", "Nulmeting, tussenmeting en eindmeting in maanden vanaf de start; de nulmeting op of voor de start (0 of lager).", styles);
        r++;
        text(sheet.createRow(r++), 0, "Toegestane waarden", styles.header);
        pair(sheet, r++, ToolboxColumn.STRATEGY.header(), labels(Strategy.class), styles);
        pair(sheet, r++, ToolboxColumn.DIMENSIONS.header(), labels(Dimension.class), styles);
        pair(sheet, r++, ToolboxColumn.PARTNER_TYPES.header(), labels(PartnerType.class), styles);
        pair(sheet, r++, ToolboxColumn.COST_BAND.header(), labels(CostBand.class), styles);
        pair(sheet, r++, ToolboxColumn.EVIDENCE_LEVEL.header(), labels(EvidenceLevel.class)
                + " (goed beschreven is 3 jaar geldig, de andere 5 jaar)", styles);
        pair(sheet, r++, ToolboxColumn.INSTRUMENT.header(), labels(Instrument.class), styles);
        pair(sheet, r++, ToolboxColumn.DIRECTION.header(), labels(Direction.class), styles);
        pair(sheet, r++, ToolboxColumn.STATUS.header(), labels(InterventionStatus.class), styles);
        pair(sheet, r, ToolboxColumn.CORPORATION_ALONE.header(), YES + ", " + NO, styles);
    }

    private static void writeTheme(XSSFWorkbook workbook, Styles styles, ToolboxLayout.ThemeRef theme,
            List<InterventionView> interventions) {
        Sheet sheet = workbook.createSheet(theme.sheetName());
        ToolboxColumn[] columns = ToolboxColumn.values();
        Row header = sheet.createRow(0);
        header.setHeightInPoints(32);
        for (ToolboxColumn column : columns) {
            text(header, column.ordinal(), column.header(), styles.header);
            sheet.setColumnWidth(column.ordinal(), column.width() * 256);
        }
        sheet.createFreezePane(3, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, interventions.size()), 0, columns.length - 1));
        int r = 1;
        for (InterventionView view : interventions) {
            writeRow(sheet.createRow(r++), view, theme, styles);
        }
        addDropDowns(sheet, theme);
    }

    private static void writeRow(Row row, InterventionView view, ToolboxLayout.ThemeRef theme, Styles styles) {
        InterventionSpec spec = view.spec();
        EffectMeasurement m = spec.effectMeasurement();
        String subtopic = theme.subtopics().stream().filter(s -> s.code().equals(spec.subtopicCode()))
                .map(ToolboxLayout.SubtopicRef::name).findFirst().orElse(spec.subtopicCode());
        for (ToolboxColumn column : ToolboxColumn.values()) {
            int c = column.ordinal();
            switch (column) {
                case CODE -> text(row, c, view.id(), styles.text);
                case SUBTOPIC -> text(row, c, subtopic, styles.text);
                case TITLE -> text(row, c, spec.title(), styles.text);
                case SUMMARY -> text(row, c, spec.summary(), styles.text);
                case GOAL -> text(row, c, spec.goal(), styles.text);
                case TARGET_GROUP -> text(row, c, spec.targetGroup(), styles.text);
                case APPROACH -> text(row, c, spec.approach(), styles.text);
                case WORKING_ELEMENTS -> text(row, c, String.join(LINE, spec.workingElements()), styles.text);
                case PRECONDITIONS -> text(row, c, String.join(LINE, spec.preconditions()), styles.text);
                case CARRIED_OUT_BY -> text(row, c, spec.carriedOutBy(), styles.text);
                case PARTNER_TYPES -> text(row, c, labelList(spec.partnerTypes()), styles.text);
                case CORPORATION_ALONE -> text(row, c, spec.corporationAlone() ? YES : NO, styles.text);
                case STRATEGY -> text(row, c, spec.strategy().label(), styles.text);
                case DIMENSIONS -> text(row, c, labelList(spec.dimensions()), styles.text);
                case INDICATORS -> text(row, c, String.join(COMMA, spec.indicators()), styles.text);
                case COST_BAND -> text(row, c, spec.costBand().label(), styles.text);
                case DURATION -> number(row, c, spec.durationMonths(), styles.integer);
                case EVIDENCE_LEVEL -> text(row, c, spec.evidenceLevel() == null ? null : spec.evidenceLevel().label(), styles.text);
                case EVIDENCE_ASSESSED_ON -> date(row, c, spec.evidenceAssessedOn(), styles.date);
                case EVIDENCE_VALID_UNTIL -> date(row, c, view.evidenceValidUntil(), styles.date);
                case EXAMPLES -> text(row, c, String.join(LINE, spec.examples()), styles.text);
                case INSTRUMENT -> text(row, c, m.instrument().label(), styles.text);
                case MEASURED_INDICATORS -> text(row, c, String.join(COMMA, m.indicators()), styles.text);
                case BASELINE -> number(row, c, m.baselineMonths(), styles.integer);
                case INTERIM -> number(row, c, m.interimMonths(), styles.integer);
                case FINAL -> number(row, c, m.finalMonths(), styles.integer);
                case DIRECTION -> text(row, c, m.expectedDirection().label(), styles.text);
                case MINIMAL_CHANGE -> {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(m.minimalRelevantChange().doubleValue());
                    cell.setCellStyle(styles.decimal);
                }
                case STATUS -> text(row, c, view.status().label(), styles.text);
                case REVISION -> number(row, c, view.revision(), styles.integer);
            }
        }
    }

    /** Drop-down lists for the columns that take one value of a closed list. */
    private static void addDropDowns(Sheet sheet, ToolboxLayout.ThemeRef theme) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        dropDown(sheet, helper, ToolboxColumn.SUBTOPIC, theme.subtopics().stream().map(ToolboxLayout.SubtopicRef::name).toArray(String[]::new));
        dropDown(sheet, helper, ToolboxColumn.CORPORATION_ALONE, new String[] { YES, NO });
        dropDown(sheet, helper, ToolboxColumn.STRATEGY, labelArray(Strategy.class));
        dropDown(sheet, helper, ToolboxColumn.COST_BAND, labelArray(CostBand.class));
        dropDown(sheet, helper, ToolboxColumn.EVIDENCE_LEVEL, labelArray(EvidenceLevel.class));
        dropDown(sheet, helper, ToolboxColumn.INSTRUMENT, labelArray(Instrument.class));
        dropDown(sheet, helper, ToolboxColumn.DIRECTION, labelArray(Direction.class));
        dropDown(sheet, helper, ToolboxColumn.STATUS, labelArray(InterventionStatus.class));
    }

    private static void dropDown(Sheet sheet, DataValidationHelper helper, ToolboxColumn column, String[] values) {
        if (values.length == 0 || String.join(",", values).length() > 250) {
            return; // Excel keeps explicit lists under 256 characters
        }
        CellRangeAddressList cells = new CellRangeAddressList(1, VALIDATED_ROWS, column.ordinal(), column.ordinal());
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values), cells);
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static <E extends Enum<E> & Coded> String labels(Class<E> type) {
        return String.join(", ", labelArray(type));
    }

    private static <E extends Enum<E> & Coded> String[] labelArray(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::label).toArray(String[]::new);
    }

    private static String labelList(List<? extends Coded> values) {
        return values.stream().map(Coded::label).collect(Collectors.joining(COMMA));
    }

    private static void pair(Sheet sheet, int r, String name, String value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, name, styles.label);
        text(row, 1, value, styles.text);
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(value);
        }
    }

    private static void number(Row row, int c, Integer value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static void date(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle label;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            label = workbook.createCellStyle();
            label.setFont(bold);
            label.setVerticalAlignment(VerticalAlignment.TOP);
            text = workbook.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            integer = workbook.createCellStyle();
            integer.setVerticalAlignment(VerticalAlignment.TOP);
            integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
            decimal = workbook.createCellStyle();
            decimal.setVerticalAlignment(VerticalAlignment.TOP);
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.###"));
            date = workbook.createCellStyle();
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
