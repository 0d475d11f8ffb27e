package nl.leefbaarheid.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.leefbaarheid.catalog.TestSpecs;
import nl.leefbaarheid.catalog.entity.Intervention;
import nl.leefbaarheid.catalog.entity.InterventionRevision;
import nl.leefbaarheid.catalog.workbook.ToolboxColumn;
import nl.leefbaarheid.platform.testing.Tokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ToolboxApiTest {

    static final String XLSX = ToolboxResource.XLSX;

    String theme;
    String sheet;
    String subtopic;
    String published;
    String draft;

    @BeforeEach
    void toolbox() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        theme = "schoon-" + suffix;
        sheet = "Schoon en heel " + suffix;
        subtopic = "zwerfvuil-" + suffix;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", theme, "name", sheet)).post("/api/v1/themes").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", subtopic, "name", "Zwerfvuil en afval")).post("/api/v1/themes/{t}/subtopics", theme)
                .then().statusCode(201);
        published = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.moestuin("test-" + suffix, subtopic))
                .post("/api/v1/interventions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin()).post("/api/v1/interventions/{id}/publish", published).then().statusCode(200);
        draft = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.verlichting("test-" + suffix + "-2", subtopic))
                .post("/api/v1/interventions").then().statusCode(201).extract().path("id");
    }

    byte[] export() {
        return given().auth().oauth2(Tokens.corporation("corp-demo")).queryParam("theme", theme)
                .queryParam("status", "published").queryParam("status", "draft").get("/api/v1/toolbox")
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("attachment; filename=\"toolbox-leefbaarheid-"))
                .extract().asByteArray();
    }

    ValidatableResponse importing(byte[] workbook) {
        return given().auth().oauth2(Tokens.admin()).contentType(XLSX).body(workbook).post("/api/v1/toolbox").then();
    }

    @Test
    void anExportImportedAgainChangesNothing() {
        State before = State.now();

        importing(export()).statusCode(200)
                .body("totals", equalTo(Map.of("unchanged", 2)))
                .body("rows.interventionId", contains(published, draft))
                .body("rows.row", contains(2, 3))
                .body("rows.sheet", contains(sheet, sheet));

        assertThat(State.now()).isEqualTo(before);
    }

    @Test
    void changedRowsAreRevisedAndNewRowsAdded() throws IOException {
        byte[] edited = edit(export(), workbook -> {
            Sheet s = workbook.getSheet(sheet);
            s.getRow(1).getCell(ToolboxColumn.TITLE.ordinal()).setCellValue("Moestuin, nu met kas");
            s.getRow(2).getCell(ToolboxColumn.STATUS.ordinal()).setCellValue("Gepubliceerd");
            Row added = s.createRow(3);
            for (ToolboxColumn column : ToolboxColumn.values()) {
                var from = s.getRow(1).getCell(column.ordinal());
                var to = added.createCell(column.ordinal());
                switch (from.getCellType()) {
                    case NUMERIC -> to.setCellValue(from.getNumericCellValue());
                    case STRING -> to.setCellValue(from.getStringCellValue());
                    default -> { }
                }
            }
            added.getCell(ToolboxColumn.CODE.ordinal()).setBlank();
            added.getCell(ToolboxColumn.TITLE.ordinal()).setCellValue("Buurtmoestuin met de school");
            added.getCell(ToolboxColumn.STATUS.ordinal()).setCellValue("concept");
        });

        importing(edited).log().ifValidationFails().statusCode(200)
                .body("totals", equalTo(Map.of("revised", 1, "published", 1, "created", 1)))
                .body("rows[0].outcomes", contains("revised")).body("rows[0].revision", equalTo(2))
                .body("rows[1].outcomes", contains("published"))
                .body("rows[2].outcomes", contains("created")).body("rows[2].interventionId", equalTo("buurtmoestuin-met-de-school"));

        given().auth().oauth2(Tokens.admin()).get("/api/v1/interventions/{id}/revisions/1", published)
                .then().body("title", equalTo("Gemeenschappelijke moestuin"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/interventions/{id}", published)
                .then().body("title", equalTo("Moestuin, nu met kas")).body("revision", equalTo(2));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/interventions/{id}", draft).then().body("status", equalTo("published"));
    }

    @Test
    void aMissingColumnIsRefusedWholeAndNothingIsStored() throws IOException {
        State before = State.now();
        byte[] bad = edit(export(), workbook -> {
            Sheet s = workbook.getSheet(sheet);
            s.getRow(1).getCell(ToolboxColumn.TITLE.ordinal()).setCellValue("Een geldige wijziging");
            s.getRow(0).getCell(ToolboxColumn.INSTRUMENT.ordinal()).setCellValue("Instrument");
        });

        importing(bad).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/invalid-workbook"))
                .body("detail", containsString("nothing was imported"))
                .body("errors.field", contains("'" + sheet + "'!1"))
                .body("errors.message", contains("column Meetinstrument: the column is missing from the header row (row 1)"));
        assertThat(State.now()).isEqualTo(before);
    }

    @Test
    void badCellsAreEachNamedBySheetRowAndColumn() throws IOException {
        State before = State.now();
        byte[] bad = edit(export(), workbook -> {
            Sheet s = workbook.getSheet(sheet);
            s.getRow(1).getCell(ToolboxColumn.FINAL.ordinal()).setCellValue("twaalf");
            s.getRow(2).getCell(ToolboxColumn.CODE.ordinal()).setCellValue(published);
            s.getRow(1).getCell(ToolboxColumn.SUMMARY.ordinal()).setBlank();
        });

        importing(bad).statusCode(400)
                .body("errors.field", contains("'" + sheet + "'!Z2", "'" + sheet + "'!A3"))
                .body("errors[0].message", equalTo("column Eindmeting (maand): 'twaalf' is not a number"))
                .body("errors[1].message", containsString("also appears on sheet"));
        assertThat(State.now()).isEqualTo(before);

        // once the cells parse, validation of the content is named by cell too
        byte[] invalid = edit(export(), workbook -> workbook.getSheet(sheet).getRow(1)
                .getCell(ToolboxColumn.SUMMARY.ordinal()).setBlank());
        importing(invalid).statusCode(400)
                .body("errors.field", contains("'" + sheet + "'!D2"))
                .body("errors.message", hasItem("column Samenvatting: must not be blank"));
        assertThat(State.now()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoWorkbookOrTooLargeIsRefused() {
        State before = State.now();
        importing("bu_code;jaar\nBU09990101;2024\n".getBytes()).statusCode(400)
                .body("type", equalTo("https://leefbaarheid.nl/problems/unreadable-workbook"));
        importing(new byte[0]).statusCode(400);
        importing(new byte[3 * 1024 * 1024]).statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("politie-demostad")).contentType(XLSX).body(export()).post("/api/v1/toolbox")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("a;b").post("/api/v1/toolbox").then().statusCode(415);
        assertThat(State.now()).isEqualTo(before);
    }

    static byte[] edit(byte[] content, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** What an import may change: interventions, their revisions and the events waiting in the outbox. */
    record State(long interventions, long revisions, long events, long versions) {
        static State now() {
            return QuarkusTransaction.requiringNew().call(() -> new State(Intervention.count(), InterventionRevision.count(),
                    ((Number) Intervention.getEntityManager().createNativeQuery("select count(*) from outbox_event")
                            .getSingleResult()).longValue(), Intervention.<Intervention>listAll().stream().mapToLong(i -> i.version).sum()));
        }
    }
}
