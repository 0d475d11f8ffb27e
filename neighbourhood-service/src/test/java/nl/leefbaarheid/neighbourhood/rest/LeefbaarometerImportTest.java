package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeefbaarometerImportTest {

    static final String SEMICOLONS = """
            bu_code;bu_naam;jaar;lbm;afw;kafw;fys;onv;soc;vrz;won
            BU09010101;Centrum;2022;4,10;0,05;;0,01;0,02;0,01;0,01;0,00
            BU09010101;Centrum;2024;3,95;-0,10;3;0,00;-0,06;-0,04;0,00;0,00
            BU09010102;Haven;2022;4,20;0,15;;0,05;0,03;0,03;0,02;0,02
            BU09010102;Haven;2024;4,25;0,20;;0,06;0,04;0,04;0,03;0,03
            BU0901010A;Eiland;2024;4,00;-0,05;;0,00;-0,02;-0,01;-0,01;-0,01
            """;

    @Inject
    EntityManager em;

    @BeforeEach
    void areas() {
        // the file's years: an observation counts where its area is registered for the year that applies to it
        Areas.register("0901", 2022, Map.of("01", 1200, "02", 800, "0A", 300));
        Areas.register("0901", 2024, Map.of("01", 1200, "02", 800, "0A", 300));
    }

    ValidatableResponse importing(byte[] csv) {
        return given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .post("/api/v1/observations/leefbaarometer").then().log().ifValidationFails();
    }

    ValidatableResponse importing(String csv) {
        return given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .post("/api/v1/observations/leefbaarometer").then().log().ifValidationFails();
    }

    @Test
    void importedScoresGiveStatusesThatRollUpAndReimportingChangesNothing() {
        try (TopicProbe probe = TopicProbe.atEnd("neighbourhood.status.v1")) {
            importing(SEMICOLONS).statusCode(200).body("level", equalTo("neighbourhood")).body("rows", equalTo(5))
                    .body("storedRows", equalTo(5)).body("emptyRows.count", equalTo(0)).body("unknownAreas.count", equalTo(0))
                    .body("periods", contains("2022", "2024"));

            List<ConsumerRecord<String, String>> events = probe.await(r -> r.key().startsWith("BU0901") || r.key().equals("WK090101")
                    || r.key().equals("GM0901"), 5, Duration.ofSeconds(20));
            assertThat(events).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("BU09010101", "BU09010102", "BU0901010A", "WK090101", "GM0901");
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.area-status.changed.v1");

            given().auth().oauth2(Tokens.partner("gemeente-x")).get("/api/v1/areas/BU09010101/status").then().statusCode(200)
                    .body("version", equalTo(1))
                    .body("status.livability.year", equalTo(2024))
                    .body("status.livability.deviation.class", equalTo(3))
                    .body("status.livability.deviation.classSource", equalTo("file"))
                    .body("status.livability.deviation.label", equalTo("onvoldoende"))
                    .body("status.livability.deviation.trend", equalTo("worsening"))
                    .body("status.livability.dimensions.onv.trend", equalTo("worsening"));
            // the district: (-0.10 * 1200 + 0.20 * 800 - 0.05 * 300) / 2300 = 0.0109
            given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/WK090101/status").then().statusCode(200)
                    .body("level", equalTo("district"))
                    .body("status.livability.deviation.score", equalTo(0.0109f))
                    .body("status.livability.deviation.classSource", equalTo("aggregated"));

            // the same figures again, now comma separated with decimal points: nothing changes
            importing(SEMICOLONS.replace(",", ".").replace(";", ",")).statusCode(200).body("changedObservations", equalTo(0));
            assertThat(probe.await(r -> r.key().startsWith("BU0901"), 1, Duration.ofSeconds(3))).isEmpty();
            given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09010101/status").then().body("version", equalTo(1));
        }

        given().auth().oauth2(Tokens.corporation("corp-x")).queryParam("municipality", "GM0901")
                .get("/api/v1/rankings").then().statusCode(200)
                .body("items.areaCode", contains("BU09010101", "BU0901010A", "BU09010102"))
                .body("items[0].rank", equalTo(1));
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0901").queryParam("by", "onv")
                .get("/api/v1/rankings").then().statusCode(200).body("items[0].areaCode", equalTo("BU09010101"));
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0901").get("/api/v1/maps/resilience")
                .then().statusCode(200).body("type", equalTo("FeatureCollection")).body("features", hasSize(3))
                .body("features[0].properties.code", equalTo("BU09010101")).body("features[0].properties.class", equalTo(3))
                .body("features[0].type", equalTo("Feature")).body("features[0]", hasKey("geometry")).body("features[0].geometry", nullValue());
        given().auth().oauth2(Tokens.admin()).queryParam("area", "BU09010101").queryParam("area", "GM0901")
                .get("/api/v1/comparisons").then().statusCode(200).body("areaCode", contains("BU09010101", "GM0901"));

        // one score changed (and its class, which this file has not), a year more of an area that has scores, and an area
        // that has none yet: only those change
        Areas.register("0901", 2024, Map.of("0B", 500));
        importing("""
                bu_code;jaar;afw;fys;onv;soc;vrz;won
                BU09010101;2024;-0,11;0,00;-0,06;-0,04;0,00;0,00
                BU09010102;2024;0,20;0,06;0,04;0,04;0,03;0,03
                BU0901010A;2022;-0,04;0,00;-0,02;-0,01;-0,01;0,00
                BU0901010B;2024;0,01;0,00;0,00;0,00;0,01;0,00
                """).statusCode(200).body("observations", equalTo(24)).body("changedObservations", equalTo(13))
                .body("recalculatedAreas", equalTo(3));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09010101/status").then().body("version", equalTo(2))
                .body("status.livability.deviation.score", equalTo(-0.11f)).body("status.livability.deviation.classSource", equalTo("derived"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU0901010B/status").then().statusCode(200)
                .body("status.livability.deviation.score", equalTo(0.01f));
    }

    @Test
    void aBadFileIsRefusedWithItsLineNumbersAndNothingIsStored() {
        long before = observations();
        importing("""
                bu_code,jaar,afw,won,fys,vrz,soc,onv
                BU09010101,2022,0.01,0,0,0,0,0
                WK090101,2022,0.01,0,0,0,0,0
                BU09010102,2022,veel,0,0,0,0,0
                BU09019999,2022,0.01,0,0,0,0,0
                """).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nothing was stored"))
                .body("errors.field", contains("line 3 (bu_code)", "line 4 (afw)"))
                .body("errors.message", contains("'WK090101' is not a neighbourhood code (BU + 8 digits or capitals)",
                        "'veel' is not a number"));
        importing("bu_code,bu_naam,jaar,afw,won,fys,vrz,soc,onv\nBU09010101,\"Centrum,2022,0.01,0,0,0,0,0\nBU09010102,Haven,2022,0.01,0,0,0,0,0\n")
                .statusCode(400).body("errors[0].field", equalTo("line 2"))
                .body("errors[0].message", startsWith("a quote is not closed, or text follows a closing quote"));
        importing(",wk_naam,jaar,afw,won,fys,vrz,soc,onv\n0,Centrum,2022,0.01,0,0,0,0,0\n").statusCode(400)
                .body("errors[0].message", startsWith("the header line lacks column bu_code or wk_code or gm_code;"));
        importing("bu_code;jaar;afw\nBU09010101;2020;0,1\n").statusCode(400)
                .body("errors[0].message", containsString("lacks columns won, fys, vrz, soc, onv"));
        given().auth().oauth2(Tokens.corporation("corp-x")).contentType("text/csv").body("x")
                .post("/api/v1/observations/leefbaarometer").then().statusCode(403);
        assertThat(observations()).isEqualTo(before);
    }

    @Test
    void rowsWithoutScoresAndRowsOfAreasUnknownForTheirYearAreSkippedAndNamedTheRestIsStored() {
        Areas.register("0942", 2024, Map.of("01", 700, "02", 500));
        long before = observations();
        importing("""
                bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won
                BU09420101,Noord,2024,4.10,0.05,0.01,0.01,0.01,0.01,0.01
                BU09420102,Zuid,2016,,,,,,,
                BU09420102,Zuid,2024,,0.02,,0.01,,,0.01
                BU09420103,Klein,2024, , , , , , ,
                BU09420101,Noord,2020,4.00,0.00,0,0,0,0,0
                BU09429999,Elders,2024,4.00,0.00,0,0,0,0,0
                """).statusCode(200)
                .body("rows", equalTo(6)).body("storedRows", equalTo(2)).body("observations", equalTo(10))
                .body("emptyRows.count", equalTo(2)).body("emptyRows.lines", contains(3, 5))
                .body("unknownAreas.count", equalTo(2))
                .body("unknownAreas.rows.line", contains(6, 7))
                .body("unknownAreas.rows.code", contains("BU09420101", "BU09429999"))
                .body("unknownAreas.rows.reason", contains(
                        "BU09420101 is not a registered area for 2020: the area registry of GM0942 has no year up to 2020",
                        "BU09429999 is not a registered area for 2024 (the area registry of 2024 applies)"))
                .body("periods", contains("2024"));
        assertThat(observations()).isEqualTo(before + 10);

        // the partly empty row keeps what it has
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09420102/status").then().statusCode(200)
                .body("status.livability.deviation.score", equalTo(0.02f))
                .body("status.livability.dimensions.won.score", equalTo(0.01f))
                .body("status.livability.dimensions.onv.score", equalTo(0.01f))
                .body("status.livability.dimensions.soc", nullValue());
    }

    @Test
    void quotedNamesOverSeveralLinesAByteOrderMarkCrlfAndDecimalCommasKeepTheLinesAnEditorShows() {
        Areas.register("0943", 2024, Map.of("01", 700, "02", 500));
        String file = "\uFEFFbu_code;bu_naam;jaar;afw;won;fys;vrz;soc;onv\r\n"
                + "BU09430101;\"De \"\"Oude\"\" Haven\r\n(centrum)\";2024;0,07;0,01;0,02;0,03;0,02;-0,01\r\n"
                + "BU09430102;\"Markt; kwartier\";2024;%s;0,01;0,02;0,03;0,02;-0,01\r\n";

        // as a file is sent (curl --data-binary): its UTF-8 bytes, the byte order mark included
        importing(file.formatted("veel").getBytes(StandardCharsets.UTF_8)).statusCode(400).body("errors.field", contains("line 4 (afw)"));
        importing(file.formatted("-0,125").getBytes(StandardCharsets.UTF_8)).statusCode(200).body("rows", equalTo(2))
                .body("storedRows", equalTo(2));

        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09430102/status").then().statusCode(200)
                .body("status.livability.deviation.score", equalTo(-0.125f));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09430101/status").then().statusCode(200)
                .body("status.livability.deviation.score", equalTo(0.07f));
    }

    @Test
    void anAreaThatGetsItsFirstScoresKeepsItsOtherFiguresInItsStatus() {
        Areas.register("0968", 2022, Map.of("0C", 400));
        Areas.register("0968", 2024, Map.of("0C", 400));
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(List.of(
                Map.of("areaCode", "BU0968010C", "indicator", "resilience.vulnerable-share", "period", "2022", "value", 0.2, "source", "cbs"),
                Map.of("areaCode", "BU0968010C", "indicator", "resilience.vulnerable-share", "period", "2024", "value", 0.3, "source", "cbs")))
                .post("/api/v1/observations").then().statusCode(200);
        importing("""
                bu_code;jaar;afw;won;fys;vrz;soc;onv
                BU0968010C;2022;0,05;0,01;0,01;0,01;0,01;0,01
                BU0968010C;2024;0,01;0,01;0,01;0,01;0,01;-0,03
                """).statusCode(200).body("changedObservations", equalTo(12));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU0968010C/status").then().statusCode(200)
                .body("observations", equalTo(14)).body("status.livability.deviation.score", equalTo(0.01f))
                .body("status.resilience.vulnerableShare", equalTo(0.3f)).body("status.resilience.quadrant", equalTo("under-pressure"));
    }

    @Test
    void theFilesSourceIsItsOwnABatchNamingItIsRefused() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(List.of(Map.of("areaCode", "BU09010101",
                "indicator", "lbm.afw", "period", "2024", "value", 0.3, "source", "leefbaarometer")))
                .post("/api/v1/observations").then().statusCode(400).body("errors.field", contains("rows[0].source"));
    }

    long observations() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from observation").getSingleResult()).longValue());
    }
}
