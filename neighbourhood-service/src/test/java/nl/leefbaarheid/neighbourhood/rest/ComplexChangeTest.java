package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A corporation corrects its complexes, ends them and transfers them to another corporation: each change at the version it
 * read, published on neighbourhood.areas.v1 and kept in the complex's history; whose figures were whose stays.
 */
@QuarkusTest
class ComplexChangeTest {

    static final String OWNER = "corp-0946a";
    static final String NEW_OWNER = "corp-0946b";
    static final String AREAS = "neighbourhood.areas.v1";

    static boolean registered;

    @BeforeEach
    void registry() {
        if (!registered) {
            Areas.register("0946", 2024, Map.of("01", 400, "02", 300));
            registered = true;
        }
    }

    static String register(String code) {
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "De Esch", "neighbourhoodCode", "BU09460101", "homes", 60, "households", 58))
                .post("/api/v1/corporations/{c}/complexes", OWNER).then().statusCode(201);
        return given().auth().oauth2(Tokens.corporation(OWNER)).get("/api/v1/corporations/{c}/complexes/{code}", OWNER, code)
                .then().statusCode(200).body("version", equalTo(0)).extract().header("ETag");
    }

    static Map<String, Object> tenantMark(String complex, String period, double value) {
        Map<String, Object> row = new HashMap<>(Map.of("areaCode", "BU09460101", "indicator", "tenant.feeling-at-home", "period", period,
                "value", value, "respondents", 30));
        row.put("complexId", complex);
        return row;
    }

    @Test
    void aComplexIsCorrectedAtTheVersionReadAndTheChangeIsPublishedAndInItsHistory() {
        String etag = register("E-1");
        String url = "/api/v1/corporations/{c}/complexes/{code}";
        Map<String, Object> change = Map.of("name", "De Esch-Zuid", "households", 55, "neighbourhoodCode", "BU09460102", "reason", "Remeasured.");
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).body(change).patch(url, OWNER, "E-1")
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(change)
                .patch(url, OWNER, "E-1").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("neighbourhoodCode", "BU09469999")).patch(url, OWNER, "E-1").then().statusCode(400)
                .body("errors.field", contains("neighbourhoodCode"));
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("homes", -1)).patch(url, OWNER, "E-1").then().statusCode(400).body("errors.field", contains("homes"));
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .patch(url, OWNER, "E-1").then().statusCode(404);

        try (TopicProbe areas = TopicProbe.atEnd(AREAS)) {
            given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                    .patch(url, OWNER, "E-1").then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("De Esch-Zuid"))
                    .body("neighbourhoodCode", equalTo("BU09460102")).body("households", equalTo(55)).body("homes", equalTo(60));
            List<ConsumerRecord<String, String>> events = areas.await(r -> ("complex:" + OWNER + ":E-1").equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.complex.changed.v1");
            assertThat(events.get(0).value()).contains("\"change\":\"updated\"", "\"neighbourhoodCode\":\"BU09460102\"", "\"version\":1");
        }
        // the same values again change nothing
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change)
                .patch(url, OWNER, "E-1").then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.corporation(OWNER)).get(url + "/history", OWNER, "E-1").then().statusCode(200)
                .body("items.action", contains("updated", "registered")).body("items[0].reason", equalTo("Remeasured."))
                .body("items[0].actor.organisation", equalTo(OWNER)).body("items[0].before.households", equalTo(58))
                .body("items[0].after.households", equalTo(55)).body("items[0].changes", hasItems("households", "name", "neighbourhoodCode"));
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).get(url + "/history", OWNER, "E-1").then().statusCode(404);
    }

    @Test
    void anEndedComplexTakesNoFiguresFromItsEndAndNoLongerChanges() {
        String etag = register("E-2");
        String url = "/api/v1/corporations/{c}/complexes/{code}";
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("endedOn", "2026-07-01", "endReason", "burnt")).post(url + "/end", OWNER, "E-2").then().statusCode(400);
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("endedOn", "2026-07-01", "endReason", "demolished", "reason", "Torn down for new homes."))
                .post(url + "/end", OWNER, "E-2").then().statusCode(200).header("ETag", "\"1\"")
                .body("endedOn", equalTo("2026-07-01")).body("endReason", equalTo("demolished"));
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-2", "2026-Q3", 7.0))).post("/api/v1/observations").then().statusCode(400)
                .body("errors.field", contains("rows[0].complexId")).body("errors.message", contains(
                        "complex E-2 ended on 2026-07-01 (demolished); figures of periods from then on no longer count for it"));
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-2", "2026-Q2", 7.0))).post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Weg")).patch(url, OWNER, "E-2").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation(OWNER)).get(url + "/history", OWNER, "E-2").then().statusCode(200)
                .body("items.action", contains("ended", "registered")).body("items[0].reason", equalTo("Torn down for new homes."));
    }

    @Test
    void aTransferredComplexKeepsItsOldFiguresWithItsOldOwnerAndTakesNewOnesForTheNewOwner() {
        String etag = register("E-3");
        String url = "/api/v1/corporations/{c}/complexes/{code}";
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-3", "2026-Q1", 6.0))).post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("toCorporationId", OWNER, "on", "2026-04-01")).post(url + "/transfer", OWNER, "E-3").then().statusCode(400)
                .body("errors.field", contains("toCorporationId"));

        try (TopicProbe areas = TopicProbe.atEnd(AREAS)) {
            given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("toCorporationId", NEW_OWNER, "on", "2026-04-01", "reason", "Portfolio swap."))
                    .post(url + "/transfer", OWNER, "E-3").then().statusCode(200).body("endReason", equalTo("transferred"))
                    .body("transferredTo", equalTo(NEW_OWNER)).body("endedOn", equalTo("2026-04-01"));
            List<ConsumerRecord<String, String>> events = areas.await(r -> r.key().endsWith(":E-3"), 2, Duration.ofSeconds(15));
            assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("complex:" + OWNER + ":E-3", "complex:" + NEW_OWNER + ":E-3");
            assertThat(events).extracting(e -> TopicProbe.header(e, "ce_type"))
                    .containsExactlyInAnyOrder("nl.leefbaarheid.complex.changed.v1", "nl.leefbaarheid.complex.registered.v1");
        }
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).get(url, NEW_OWNER, "E-3").then().statusCode(200)
                .body("since", equalTo("2026-04-01")).body("transferredFrom", equalTo(OWNER)).body("version", equalTo(0));
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).get(url + "/history", NEW_OWNER, "E-3").then().statusCode(200)
                .body("items.action", contains("taken-over")).body("items[0].reason", equalTo("Portfolio swap."));

        // figures from the transfer on are the new owner's; before it, the old owner's
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-3", "2026-Q2", 7.0))).post("/api/v1/observations").then().statusCode(400)
                .body("errors.field", contains("rows[0].complexId"));
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-3", "2026-Q1", 7.0))).post("/api/v1/observations").then().statusCode(400)
                .body("errors.field", contains("rows[0].complexId"));
        given().auth().oauth2(Tokens.corporation(NEW_OWNER)).contentType(ContentType.JSON)
                .body(List.of(tenantMark("E-3", "2026-Q2", 8.0))).post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("indicator", "tenant.feeling-at-home").get("/api/v1/areas/BU09460101/observations")
                .then().statusCode(200)
                .body("items.findAll { it.complexId == 'E-3' }.collect { it.period + ' ' + it.corporationId }",
                        contains("2026-Q2 " + NEW_OWNER, "2026-Q1 " + OWNER));
        // the old complex no longer changes
        given().auth().oauth2(Tokens.corporation(OWNER)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("toCorporationId", NEW_OWNER, "on", "2026-04-01")).post(url + "/transfer", OWNER, "E-3").then().statusCode(409);
    }
}
