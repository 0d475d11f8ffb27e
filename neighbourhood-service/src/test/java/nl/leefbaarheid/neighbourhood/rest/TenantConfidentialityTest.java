package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.event.StatusChanged;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Tenant figures belong to the corporation that measured them. Two corporations survey their tenants in one
 * neighbourhood: corp-a-0921 shares with a partner, corp-c-0921 with nobody (it registered its complex there, as anyone can).
 * Each sees its own figures, the partner corp-a-0921's, a stranger none and the admin the aggregate, in every read.
 */
@QuarkusTest
class TenantConfidentialityTest {

    static final String AREA = "BU09210101";
    static final String OTHER = "BU09210102";
    static final ObjectMapper JSON = new ObjectMapper();

    static void complex(String corporation, String code, String area) {
        given().auth().oauth2(Tokens.corporation(corporation)).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Complex " + code, "neighbourhoodCode", area, "households", 60))
                .post("/api/v1/corporations/" + corporation + "/complexes").then().extract().statusCode();
    }

    static void survey(String corporation, String complex, String period, double mark, int respondents) {
        given().auth().oauth2(Tokens.corporation(corporation)).contentType(ContentType.JSON)
                .body(List.of(AccessAndBatchTest.row(AREA, complex, "tenant.feeling-at-home", period, mark, respondents)))
                .post("/api/v1/observations").then().statusCode(200);
    }

    static JsonPath status(String token) {
        return given().auth().oauth2(token).get("/api/v1/areas/" + AREA + "/status").then().statusCode(200).extract().jsonPath();
    }

    static float priorityInRanking(String token, String query) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get("/api/v1/rankings?" + query).then().statusCode(200)
                .extract().jsonPath().getList("items");
        return ((Number) items.stream().filter(i -> i.get("areaCode").equals(AREA)).findFirst().orElseThrow().get("priority")).floatValue();
    }

    @Test
    void twoCorporationsInOneNeighbourhoodSeeTheirOwnFiguresThePartnerTheSharedOnesAndTheAdminAll() throws Exception {
        Areas.register("0921", 2024, Map.of("01", 900, "02", 800));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("""
                bu_code,jaar,lbm,afw,fys,onv,soc,vrz,won,kafw
                BU09210101,2022,4.10,-0.05,0,0,0,0,0,4
                BU09210101,2024,4.05,-0.10,0,0,0,0,0,3
                BU09210102,2024,4.20,0.02,0,0,0,0,0,6
                """).post("/api/v1/observations/leefbaarometer").then().statusCode(200);
        complex("corp-a-0921", "A1", AREA);
        complex("corp-a-0921", "A2", OTHER);
        given().auth().oauth2(Tokens.corporation("corp-a-0921")).put("/api/v1/corporations/corp-a-0921/shares/gemeente-0921").then().statusCode(204);
        survey("corp-a-0921", "A1", "2026-Q2", 6.37, 77);
        String admin = Tokens.admin();
        String corpA = Tokens.corporation("corp-a-0921");
        String partner = Tokens.partner("gemeente-0921");
        String corpC = Tokens.corporation("corp-c-0921");
        String stranger = Tokens.partner("politie-0921");
        int before = status(admin).getInt("version");

        // corp-c-0921 registers a complex in the same neighbourhood: that gives it none of corp-a-0921's figures
        complex("corp-c-0921", "N1", AREA);
        given().auth().oauth2(corpC).get("/api/v1/areas/" + AREA + "/status").then().statusCode(200)
                .body("restricted", equalTo(true)).body("status.tenantExperience", nullValue());

        try (TopicProbe events = TopicProbe.atEnd(StatusChanged.TOPIC)) {
            survey("corp-c-0921", "N1", "2026-Q2", 8.42, 40);

            // the status, as each sees it
            assertThat(status(admin).getFloat("status.tenantExperience.mean")).isEqualTo(7.0709f);
            assertThat(status(admin).getInt("status.tenantExperience.respondents")).isEqualTo(117);
            assertThat(status(admin).getBoolean("restricted")).isFalse();
            for (String token : List.of(corpA, partner)) {
                JsonPath seen = status(token);
                assertThat(seen.getFloat("status.tenantExperience.mean")).isEqualTo(6.37f);
                assertThat(seen.getString("status.tenantExperience.colour")).isEqualTo("red");
                assertThat(seen.getList("status.signals", String.class)).contains("tenant-red");
                assertThat(seen.getBoolean("restricted")).isTrue();
            }
            assertThat(status(corpC).getFloat("status.tenantExperience.mean")).isEqualTo(8.42f);
            assertThat(status(corpC).getInt("status.tenantExperience.respondents")).isEqualTo(40);
            JsonPath none = status(stranger);
            assertThat(none.getMap("status.tenantExperience")).isNull();
            assertThat(none.getList("status.signals", String.class)).noneMatch(s -> s.startsWith("tenant-"));
            float publicPriority = none.getFloat("status.priority");
            assertThat(status(corpA).getFloat("status.priority")).isEqualTo(publicPriority + 0.15f, org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(status(corpC).getFloat("status.priority")).isEqualTo(publicPriority);

            // rankings, the resilience map and comparisons carry the priority each may see
            for (String token : List.of(admin, corpA, partner, corpC, stranger)) {
                float priority = status(token).getFloat("status.priority");
                assertThat(priorityInRanking(token, "municipality=GM0921")).as("ranking").isEqualTo(priority);
                List<Map<String, Object>> features = given().auth().oauth2(token).get("/api/v1/maps/resilience?municipality=GM0921")
                        .then().statusCode(200).extract().jsonPath().getList("features.properties");
                assertThat(((Number) features.stream().filter(f -> f.get("code").equals(AREA)).findFirst().orElseThrow().get("priority"))
                        .floatValue()).as("map").isEqualTo(priority);
                assertThat(given().auth().oauth2(token).get("/api/v1/comparisons?area=" + AREA + "&area=" + OTHER).then().statusCode(200)
                        .extract().jsonPath().getFloat("[0].status.priority")).as("comparison").isEqualTo(priority);
            }
            assertThat(priorityInRanking(corpA, "corporation=corp-a-0921")).isEqualTo(status(corpA).getFloat("status.priority"));
            assertThat(priorityInRanking(corpC, "corporation=corp-c-0921")).isEqualTo(status(corpC).getFloat("status.priority"));

            // the history: the versions before corp-c-0921 arrived hold corp-a-0921's figures, which corp-c-0921 does not see
            String beforeC = "items.find { it.version == " + before + " }.status.tenantExperience";
            for (String token : List.of(admin, corpA, partner)) {
                assertThat(history(token).getFloat(beforeC + ".mean")).isEqualTo(6.37f);
            }
            for (String token : List.of(corpC, stranger)) {
                assertThat(history(token).getMap(beforeC)).isNull();
                assertThat(history(token).prettify()).doesNotContain("6.37");
            }
            assertThat(history(corpA).prettify()).doesNotContain("8.42");
            assertThat(history(partner).prettify()).doesNotContain("8.42");

            // working areas: the marks in them that the caller may see
            given().auth().oauth2(corpA).get("/api/v1/corporations/corp-a-0921/working-area").then().statusCode(200)
                    .body("status.tenantExperience.mean", equalTo(6.37f));
            given().auth().oauth2(admin).get("/api/v1/corporations/corp-a-0921/working-area").then().statusCode(200)
                    .body("status.tenantExperience.mean", equalTo(7.0709f));
            given().auth().oauth2(corpC).get("/api/v1/corporations/corp-c-0921/working-area").then().statusCode(200)
                    .body("status.tenantExperience.mean", equalTo(8.42f));
            given().auth().oauth2(corpC).get("/api/v1/corporations/corp-a-0921/working-area").then().statusCode(404);
            given().auth().oauth2(corpA).get("/api/v1/corporations/corp-c-0921/complexes/N1/status").then().statusCode(404);

            // the status event carries public statuses, and each corporation's own experience beside them
            ConsumerRecord<String, String> event = events.await(r -> r.key().equals(AREA) && r.value().contains("corp-c-0921"), 1,
                    Duration.ofSeconds(30)).get(0);
            JsonNode data = JSON.readTree(event.value());
            JsonNode changed = data.has("data") ? data.get("data") : data;
            assertThat(changed.path("status").has("tenantExperience")).isFalse();
            assertThat(changed.path("previousStatus").has("tenantExperience")).isFalse();
            assertThat(changed.path("status").path("priority").floatValue()).isEqualTo(publicPriority);
            assertThat(changed.path("tenantExperiences").path("corp-a-0921").path("mean").floatValue()).isEqualTo(6.37f);
            assertThat(changed.path("tenantExperiences").path("corp-c-0921").path("mean").floatValue()).isEqualTo(8.42f);
            assertThat(changed.path("previousTenantExperiences").has("corp-c-0921")).isFalse();
            assertThat(changed.path("changes").toString()).contains("tenantExperience");
        }

        // an override is its corporation's own: corp-c-0921's does not touch what corp-a-0921 sees
        given().auth().oauth2(corpC).contentType(ContentType.JSON).body(Map.of("colour", "red", "reason", "Veel klachten in N1."))
                .put("/api/v1/areas/" + AREA + "/tenant-colour-override").then().statusCode(200)
                .body("status.tenantExperience.colour", equalTo("red")).body("status.tenantExperience.computedColour", equalTo("green"));
        given().auth().oauth2(corpA).get("/api/v1/areas/" + AREA + "/status").then()
                .body("status.tenantExperience.override", nullValue()).body("status.tenantExperience.mean", equalTo(6.37f));
        // a partner without a complex there, and a corporation without one, set none
        given().auth().oauth2(Tokens.corporation("corp-z")).contentType(ContentType.JSON).body(Map.of("colour", "red", "reason", "x"))
                .put("/api/v1/areas/" + AREA + "/tenant-colour-override").then().statusCode(403);
        given().auth().oauth2(corpC).delete("/api/v1/areas/" + AREA + "/tenant-colour-override").then().statusCode(200)
                .body("status.tenantExperience.override", nullValue());
    }

    static JsonPath history(String token) {
        return given().auth().oauth2(token).get("/api/v1/areas/" + AREA + "/status/history?size=100").then().statusCode(200)
                .extract().jsonPath();
    }
}
