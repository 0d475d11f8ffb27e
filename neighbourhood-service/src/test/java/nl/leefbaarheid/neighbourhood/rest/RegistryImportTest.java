package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The CBS area registry of a year in one call (file or JSON), and the change of one area with its ETag. */
@QuarkusTest
class RegistryImportTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static ValidatableResponse importing(int year, String csv) {
        return given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("year", year).body(csv)
                .post("/api/v1/areas/registry").then();
    }

    private long events(String digits) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where event_key like 'area:%" + digits + "%'").getSingleResult()).longValue());
    }

    @Test
    void aDownloadRegistersEveryLevelAndAgainChangesNothingAndNamesWhatIsNewAndGoneSinceThePreviousYear() throws Exception {
        // 2023 as a comma file, in another column order and with other suffixes
        importing(2023, """
                Codering_4,SoortRegio_3,WijkenEnBuurten,HuishoudensTotaal_28,Woningvoorraad_34
                GM0951,Gemeente,Oudstad,900,950
                WK095101,Wijk,Centrum,900,950
                BU09510101,Buurt,Markt,500,520
                BU09510102,Buurt,"Haven, Oost",400,430
                """).statusCode(200).body("levels.neighbourhood.new", equalTo(2)).body("previousYear", nullValue());
        String download = """
                "ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5";"HuishoudensTotaal_29";"Woningvoorraad_35"
                1;"Nederland";"Nederland                               ";"Land      ";"NL00      ";17942942;8195000;8100000
                2;"Oudstad";"Oudstad                                 ";"Gemeente  ";"GM0951    ";2100;1000;.
                3;"Centrum";"Oudstad                                 ";"Wijk      ";"WK095101  ";.;700;720
                4;"Markt";"Oudstad                                   ";"Buurt     ";"BU09510101";1100;510;520
                5;"Nieuwbouw";"Oudstad                               ";"Buurt     ";"BU09510103";400;190;.
                6;"Buiten";"Oudstad                                  ";"Wijk      ";"WK095102  ";.;300;310
                7;"Akkers";"Oudstad                                  ";"Buurt     ";"BU09510201";.;.;.
                """;
        try (TopicProbe topic = TopicProbe.atEnd("neighbourhood.areas.v1")) {
            importing(2024, download).statusCode(200)
                    .body("year", equalTo(2024)).body("areas", equalTo(6)).body("countryRowsSkipped", contains(2))
                    .body("levels.municipality.new", equalTo(1)).body("levels.district.new", equalTo(2))
                    .body("levels.neighbourhood.new", equalTo(3)).body("levels.neighbourhood.updated", equalTo(0))
                    .body("previousYear", equalTo(2023))
                    .body("sincePreviousYear.new.district.count", equalTo(1))
                    .body("sincePreviousYear.new.district.codes", contains("WK095102"))
                    .body("sincePreviousYear.new.neighbourhood.codes", contains("BU09510103", "BU09510201"))
                    .body("sincePreviousYear.disappeared.neighbourhood.count", equalTo(1))
                    .body("sincePreviousYear.disappeared.neighbourhood.codes", contains("BU09510102"))
                    .body("sincePreviousYear.disappeared.municipality.count", equalTo(0));
            List<ConsumerRecord<String, String>> published = topic.await(r -> r.key().contains("0951") && r.key().endsWith(":2024"), 6,
                    Duration.ofSeconds(20));
            JsonNode neighbourhood = json.readTree(published.stream().filter(r -> r.key().equals("area:BU09510201:2024")).findFirst()
                    .orElseThrow().value());
            assertThat(neighbourhood.path("parentCode").asText()).isEqualTo("WK095102");
            assertThat(neighbourhood.path("level").asText()).isEqualTo("neighbourhood");
        }
        given().auth().oauth2(Tokens.partner("gemeente-x")).queryParam("year", 2024).get("/api/v1/areas/BU09510101").then().statusCode(200)
                .body("name", equalTo("Markt")).body("parentCode", equalTo("WK095101")).body("households", equalTo(510))
                .body("homes", equalTo(520));
        given().auth().oauth2(Tokens.admin()).queryParam("year", 2024).get("/api/v1/areas/GM0951").then()
                .body("households", equalTo(1000)).body("homes", nullValue());

        long before = events("0951");
        importing(2024, download).statusCode(200).body("levels.municipality.unchanged", equalTo(1))
                .body("levels.district.unchanged", equalTo(2)).body("levels.neighbourhood.unchanged", equalTo(3))
                .body("levels.neighbourhood.new", equalTo(0)).body("levels.neighbourhood.updated", equalTo(0));
        assertThat(events("0951")).isEqualTo(before);

        importing(2024, download.replace("\"BU09510101\";1100;510;520", "\"BU09510101\";1100;515;520")).statusCode(200)
                .body("levels.neighbourhood.updated", equalTo(1)).body("levels.neighbourhood.unchanged", equalTo(2));
        assertThat(events("0951")).isEqualTo(before + 1);
        given().auth().oauth2(Tokens.admin()).queryParam("year", 2024).get("/api/v1/areas/BU09510101").then()
                .body("households", equalTo(515)).header("ETag", "\"1\"");
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryBadLineNamed() {
        importing(2024, """
                WijkenEnBuurten;SoortRegio_2;Codering_3;HuishoudensTotaal_29
                Nieuwstad;Gemeente;GM0952;100
                Centrum;Wijk;WK095201;veel
                Markt;Buurt;BU09520101;50
                Haven;Buurt;BU09529901;50
                """).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("line 3 (HuishoudensTotaal_29)", "line 5 (Codering_3)"))
                .body("errors.message", contains("'veel' is not a count (a whole number of 0 or more, or . when missing)",
                        "its district WK095299 is neither in the input nor registered for the year"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/GM0952").then().statusCode(404);
        assertThat(events("0952")).isZero();
        importing(2024, "Gemeentenaam_1;SoortRegio_2\nNieuwstad;Gemeente\n").statusCode(400)
                .body("errors[0].field", equalTo("line 1"));
        given().auth().oauth2(Tokens.corporation("corp-x")).contentType("text/csv").queryParam("year", 2024).body("Codering_3\nGM0952\n")
                .post("/api/v1/areas/registry").then().statusCode(403);
        importing(1999, "Codering_3\nGM0952\n").statusCode(400);
    }

    @Test
    void theJsonFormFollowsTheSameRules() {
        List<Map<String, Object>> areas = List.of(Map.of("code", "GM0953", "name", "Jsonstad", "households", 80),
                Map.of("code", "WK095301", "year", 2024, "name", "Centrum"), Map.of("code", "BU09530101", "name", "Markt", "homes", 40));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).body(areas)
                .post("/api/v1/areas/registry").then().statusCode(200).body("areas", equalTo(3))
                .body("levels.municipality.new", equalTo(1)).body("levels.neighbourhood.new", equalTo(1))
                .body("countryRowsSkipped", equalTo(List.of()));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).body(areas)
                .post("/api/v1/areas/registry").then().statusCode(200).body("levels.district.unchanged", equalTo(1));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024)
                .body(List.of(Map.of("code", "BU09530102", "name", "Nieuw"), Map.of("code", "XX1", "name", "Fout"),
                        Map.of("code", "BU09530103", "year", 2023, "name", "Ander jaar")))
                .post("/api/v1/areas/registry").then().statusCode(400)
                .body("errors.field", contains("areas[1].code", "areas[2].year"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09530102").then().statusCode(404);
    }

    @Test
    void oneAreaChangesWithItsETag() throws Exception {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024)
                .body(List.of(Map.of("code", "GM0954", "name", "Etagstad", "households", 80, "homes", 90)))
                .post("/api/v1/areas/registry").then().statusCode(200);
        String etag = given().auth().oauth2(Tokens.admin()).queryParam("year", 2024).get("/api/v1/areas/GM0954").then()
                .statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        Map<String, Object> change = Map.of("name", "Etagstad-Oost", "households", 85);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).body(change)
                .put("/api/v1/areas/GM0954").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", "\"7\"").body(change)
                .put("/api/v1/areas/GM0954").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation("corp-x")).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", etag)
                .body(change).put("/api/v1/areas/GM0954").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", etag)
                .body(Map.of("households", 85)).put("/api/v1/areas/GM0954").then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/api/v1/areas/GM0954").then().statusCode(400);
        try (TopicProbe topic = TopicProbe.atEnd("neighbourhood.areas.v1")) {
            // PUT: homes left out becomes unknown
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", etag)
                    .body(change).put("/api/v1/areas/GM0954").then().statusCode(200).header("ETag", "\"1\"")
                    .body("name", equalTo("Etagstad-Oost")).body("households", equalTo(85)).body("homes", nullValue());
            ConsumerRecord<String, String> event = topic.await(r -> r.key().equals("area:GM0954:2024"), 1, Duration.ofSeconds(20)).get(0);
            assertThat(json.readTree(event.value()).path("name").asText()).isEqualTo("Etagstad-Oost");
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", etag)
                .body(Map.of("homes", 100)).patch("/api/v1/areas/GM0954").then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", "\"1\"")
                .body(Map.of("homes", -1)).patch("/api/v1/areas/GM0954").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", "\"1\"")
                .body(Map.of("name", " ")).patch("/api/v1/areas/GM0954").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", "\"1\"")
                .body(Map.of("homes", 100)).patch("/api/v1/areas/GM0954").then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Etagstad-Oost")).body("households", equalTo(85)).body("homes", equalTo(100));
        long before = events("GM0954");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024).header("If-Match", "\"2\"")
                .body(Map.of("homes", 100)).patch("/api/v1/areas/GM0954").then().statusCode(200).header("ETag", "\"2\"");
        assertThat(events("GM0954")).isEqualTo(before);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2023).header("If-Match", "\"2\"")
                .body(Map.of("homes", 100)).patch("/api/v1/areas/GM0954").then().statusCode(404);
    }
}
