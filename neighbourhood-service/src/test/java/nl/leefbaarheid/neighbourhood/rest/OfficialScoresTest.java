package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The Leefbaarometer files of districts and municipalities: their official scores (computed from the grid, not averaged
 * from neighbourhoods) give those areas their livability; the roll-up of the neighbourhoods is the fallback.
 */
@QuarkusTest
class OfficialScoresTest {

    /** A district file as published and passed through pandas: an unnamed row-number column first; classes for 2024. */
    static final String DISTRICTS = """
            ,wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won,kafw
            0,WK094101,Wijk 01,2022,4.00,-0.05,-0.01,-0.01,-0.01,-0.01,-0.01,
            1,WK094101,Wijk 01,2024,3.98,-0.07,-0.02,-0.01,-0.02,-0.01,-0.01,4
            2,WK094199,Elders,2024,4.10,0.05,0.01,0.01,0.01,0.01,0.01,6
            """;

    static final String MUNICIPALITIES = """
            gm_code;gm_naam;jaar;afw;kscore;won;fys;vrz;soc;onv
            GM0941;Gemeente 0941;2024;0,02;6;0,00;0,01;0,00;0,01;0,00
            """;

    ValidatableResponse importing(String csv) {
        return given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .post("/api/v1/observations/leefbaarometer").then().log().ifValidationFails();
    }

    ValidatableResponse status(String code) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/" + code + "/status").then().statusCode(200);
    }

    @Test
    void districtAndMunicipalityFilesGiveThoseAreasTheirOfficialLivabilityWithTheRollUpAsFallback() {
        Areas.register("0941", 2022, Map.of("01", 1000, "02", 1000));
        Areas.register("0941", 2024, Map.of("01", 1000, "02", 1000));
        importing("""
                bu_code,jaar,afw,won,fys,vrz,soc,onv
                BU09410101,2024,0.10,0.02,0.02,0.02,0.02,0.02
                BU09410102,2024,0.10,0.02,0.02,0.02,0.02,0.02
                """).statusCode(200);
        // no official scores yet: rolled up from the neighbourhoods
        status("WK094101").body("status.livability.deviation.score", equalTo(0.1f))
                .body("status.livability.deviation.classSource", equalTo("aggregated"));
        status("GM0941").body("status.livability.deviation.classSource", equalTo("aggregated"));

        try (TopicProbe probe = TopicProbe.atEnd("neighbourhood.status.v1")) {
            importing(DISTRICTS).statusCode(200).body("level", equalTo("district")).body("rows", equalTo(3))
                    .body("storedRows", equalTo(2)).body("observations", equalTo(14)).body("recalculatedAreas", equalTo(1))
                    .body("emptyRows.count", equalTo(0)).body("unknownAreas.count", equalTo(1))
                    .body("unknownAreas.rows.line", contains(4)).body("unknownAreas.rows.code", contains("WK094199"))
                    .body("periods", contains("2022", "2024"));

            List<ConsumerRecord<String, String>> events = probe.await(r -> r.key().equals("WK094101"), 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"classSource\":\"file\"");
        }
        status("WK094101").body("level", equalTo("district"))
                .body("status.livability.year", equalTo(2024))
                .body("status.livability.previousYear", equalTo(2022))
                .body("status.livability.deviation.score", equalTo(-0.07f))
                .body("status.livability.deviation.class", equalTo(4))
                .body("status.livability.deviation.label", equalTo("zwak"))
                .body("status.livability.deviation.classSource", equalTo("file"))
                .body("status.livability.deviation.previousScore", equalTo(-0.05f))
                .body("status.livability.deviation.trend", equalTo("worsening"))
                .body("status.livability.dimensions.soc.score", equalTo(-0.02f))
                .body("status.livability.dimensions.soc.classSource", equalTo("derived"));
        // the municipality has no official score yet: still the roll-up of its neighbourhoods, not of the district
        status("GM0941").body("status.livability.deviation.score", equalTo(0.1f))
                .body("status.livability.deviation.classSource", equalTo("aggregated"));

        importing(MUNICIPALITIES).statusCode(200).body("level", equalTo("municipality")).body("storedRows", equalTo(1))
                .body("recalculatedAreas", equalTo(1));
        status("GM0941").body("level", equalTo("municipality"))
                .body("status.livability.deviation.score", equalTo(0.02f))
                .body("status.livability.deviation.class", equalTo(6))
                .body("status.livability.deviation.label", equalTo("ruim voldoende"))
                .body("status.livability.deviation.classSource", equalTo("file"));

        // a neighbourhood's new score moves neither official status; recalculating the municipality keeps them
        importing("bu_code,jaar,afw,won,fys,vrz,soc,onv\nBU09410101,2024,-0.20,0,0,0,0,0\n").statusCode(200);
        status("WK094101").body("status.livability.deviation.score", equalTo(-0.07f));
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0941").post("/api/v1/status-recalculations")
                .then().statusCode(200).body("changedStatuses", equalTo(0));
        status("GM0941").body("status.livability.deviation.classSource", equalTo("file"));
        status("BU09410101").body("status.livability.deviation.score", equalTo(-0.2f));
    }
}
