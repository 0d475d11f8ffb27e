package nl.leefbaarheid.catalog.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;
import nl.leefbaarheid.catalog.TestSpecs;
import nl.leefbaarheid.catalog.api.InterventionView;
import nl.leefbaarheid.catalog.domain.InterventionRules;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.InterventionStatus;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ToolboxWorkbookTest {

    static final ToolboxLayout LAYOUT = new ToolboxLayout(List.of(
            new ToolboxLayout.ThemeRef("sociale-leefbaarheid", "Sociale leefbaarheid",
                    List.of(new ToolboxLayout.SubtopicRef("samenleven", "Samenleven"))),
            new ToolboxLayout.ThemeRef("sociale-veiligheid", "Sociale veiligheid",
                    List.of(new ToolboxLayout.SubtopicRef("verlichting-en-zichtlijnen", "Verlichting en zichtlijnen")))));

    static InterventionView view(InterventionSpec spec, String theme, InterventionStatus status) {
        return new InterventionView(spec.code(), status, 1, null, theme, InterventionRules.evidenceLapsesOn(spec), null,
                null, null, null, spec, 0);
    }

    static byte[] exported() {
        return ToolboxWriter.write(LAYOUT, List.of(
                view(TestSpecs.moestuin("moestuin", "samenleven"), "sociale-leefbaarheid", InterventionStatus.PUBLISHED),
                view(TestSpecs.verlichting("verlichting", "verlichting-en-zichtlijnen"), "sociale-veiligheid", InterventionStatus.DRAFT)),
                ZonedDateTime.now(), "test");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        ToolboxReader.Result result = ToolboxReader.read(exported(), LAYOUT);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).extracting(ToolboxReader.ParsedRow::spec).containsExactly(
                TestSpecs.moestuin("moestuin", "samenleven"), TestSpecs.verlichting("verlichting", "verlichting-en-zichtlijnen"));
        assertThat(result.rows()).extracting(ToolboxReader.ParsedRow::status)
                .containsExactly(InterventionStatus.PUBLISHED, InterventionStatus.DRAFT);
        assertThat(result.rows()).extracting(ToolboxReader.ParsedRow::row).containsExactly(2, 2);
    }

    @Test
    void theWorkbookIsShapedLikeAToolbox() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Toelichting");
            Sheet theme = workbook.getSheet("Sociale leefbaarheid");
            assertThat(theme.getPaneInformation().isFreezePane()).isTrue();
            assertThat(theme.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(theme.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Titel");
            assertThat(theme.getRow(0).getCell(2).getCellStyle().getFontIndex()).isNotZero();
            assertThat(theme.getColumnWidth(ToolboxColumn.SUMMARY.ordinal())).isEqualTo(60 * 256);
            assertThat(theme.getRow(1).getCell(ToolboxColumn.STRATEGY.ordinal()).getStringCellValue()).isEqualTo("Sociale aanpak");
            assertThat(theme.getRow(1).getCell(ToolboxColumn.FINAL.ordinal()).getNumericCellValue()).isEqualTo(12.0);
            assertThat(theme.getDataValidations()).isNotEmpty();
        }
    }

    @Test
    void columnsAreFoundByHeaderNotPosition() throws Exception {
        byte[] swapped = edit(exported(), workbook -> {
            Sheet sheet = workbook.getSheet("Sociale leefbaarheid");
            for (Row row : sheet) { // swap Titel (C) and Samenvatting (D)
                String title = row.getCell(2).getStringCellValue();
                row.getCell(2).setCellValue(row.getCell(3).getStringCellValue());
                row.getCell(3).setCellValue(title);
            }
        });
        assertThat(ToolboxReader.read(swapped, LAYOUT).rows().get(0).spec())
                .isEqualTo(TestSpecs.moestuin("moestuin", "samenleven"));
    }

    @Test
    void aMissingRequiredColumnIsNamed() throws Exception {
        byte[] bad = edit(exported(), workbook -> workbook.getSheet("Sociale veiligheid").getRow(0)
                .getCell(ToolboxColumn.FINAL.ordinal()).setCellValue("Einde"));

        List<WorkbookError> errors = ToolboxReader.read(bad, LAYOUT).errors();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("'Sociale veiligheid'!1");
            assertThat(e.describe()).isEqualTo("column Eindmeting (maand): the column is missing from the header row (row 1)");
        });
    }

    @Test
    void textWhereANumberBelongsIsNamedByCell() throws Exception {
        byte[] bad = edit(exported(), workbook -> workbook.getSheet("Sociale leefbaarheid").getRow(1)
                .getCell(ToolboxColumn.DURATION.ordinal()).setCellValue("een jaar"));

        List<WorkbookError> errors = ToolboxReader.read(bad, LAYOUT).errors();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("'Sociale leefbaarheid'!Q2");
            assertThat(e.describe()).isEqualTo("column Looptijd (maanden): 'een jaar' is not a number");
        });
    }

    @Test
    void aDuplicateCodeIsRefusedWithBothPlaces() throws Exception {
        byte[] bad = edit(exported(), workbook -> workbook.getSheet("Sociale veiligheid").getRow(1)
                .getCell(ToolboxColumn.CODE.ordinal()).setCellValue("moestuin"));

        List<WorkbookError> errors = ToolboxReader.read(bad, LAYOUT).errors();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo("'Sociale veiligheid'!A2");
            assertThat(e.message()).contains("'moestuin'", "sheet 'Sociale leefbaarheid' row 2");
        });
    }

    @Test
    void anUnknownSheetOrSubtopicIsRefused() throws Exception {
        byte[] bad = edit(exported(), workbook -> {
            workbook.setSheetName(workbook.getSheetIndex("Sociale veiligheid"), "Blad1");
            workbook.getSheet("Sociale leefbaarheid").getRow(1).getCell(ToolboxColumn.SUBTOPIC.ordinal()).setCellValue("Tuinieren");
        });

        assertThat(ToolboxReader.read(bad, LAYOUT).errors()).extracting(WorkbookError::reference)
                .containsExactly("'Sociale leefbaarheid'!B2", "'Blad1'!1");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() {
        assertThatThrownBy(() -> ToolboxReader.read("bu_code;jaar\nBU1;2024".getBytes(), LAYOUT))
                .isInstanceOf(ToolboxReader.UnreadableWorkbookException.class)
                .hasMessageContaining("not an Excel workbook");
    }

    static byte[] edit(byte[] content, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
