package nl.leefbaarheid.catalog.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * A problem in an imported workbook, at a sheet, a row (as Excel numbers them, from 1) and a column (null
 * when the whole row or sheet is meant).
 */
public record WorkbookError(String sheet, int row, ToolboxColumn column, Integer columnIndex, String message) {

    /** The cell as a spreadsheet reference, e.g. {@code 'Schoon en heel'!C7}, or the row, e.g. {@code 'Schoon en heel'!7}. */
    public String reference() {
        String quoted = "'" + sheet.replace("'", "''") + "'!";
        return columnIndex == null ? quoted + row : quoted + CellReference.convertNumToColString(columnIndex) + row;
    }

    public String describe() {
        return (column != null ? "column " + column.header() + ": " : "") + message;
    }
}
