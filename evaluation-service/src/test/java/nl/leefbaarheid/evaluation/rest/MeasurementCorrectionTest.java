package nl.leefbaarheid.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.evaluation.Registry;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A measurement is read back, corrected with a reason and an ETag, and withdrawn, alone or as the batch it came in; each
 * step goes out on the measurement topic under the area's key and into the measurement's history. What may not be done is
 * refused with problem details and changes nothing.
 */
@QuarkusTest
class MeasurementCorrectionTest {

    static final String CORP = "corp-correct";
    static final String AREA = "BU09730101";
    static final String OTHER_AREA = "BU09730102";
    static final String TOPIC = "evaluation.measurements.v1";
    static boolean registered;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void registry() {
        if (!registered) {
            Registry.neighbourhoods(2024, AREA, OTHER_AREA);
            registered = true;
        }
    }

    static Map<String, Object> mark(String area, double value, String batch) {
        Map<String, Object> row = new HashMap<>(Map.of("areaCode", area, "indicator", "tenant.feeling-at-home", "value", value,
                "period", "2026-Q2", "respondents", 48, "instrument", "survey", "sourceSystem", "enquete-tool"));
        if (batch != null) {
            row.put("sourceBatch", batch);
        }
        return row;
    }

    static String record(Map<String, Object> measurement) {
        return given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(measurement)
                .post("/api/v1/measurements").then().statusCode(201).extract().path("measurementIds[0]");
    }

    static ValidatableResponse correct(String token, String id, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/measurements/{id}", id).then();
    }

    @Test
    void aCorrectionChangesTheValueRaisesTheETagGoesOutUnderTheAreaAndIsInTheHistory() {
        String id = record(mark(AREA, 4.1, null));
        String etag = given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/measurements/{id}", id).then().statusCode(200)
                .body("value", equalTo(4.1f)).body("state", equalTo("recorded")).body("version", equalTo(0))
                .extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        try (TopicProbe topic = TopicProbe.atEnd(TOPIC)) {
            correct(Tokens.corporation(CORP), id, etag, Map.of("value", 7.4, "reason", "De export gebruikte de verkeerde kolom."))
                    .statusCode(200).header("ETag", "\"1\"").body("value", equalTo(7.4f)).body("state", equalTo("corrected"))
                    .body("version", equalTo(1)).body("respondents", equalTo(48));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.value().contains(id), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).key()).isEqualTo(AREA);
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.measurement.corrected.v1");
            JsonNode corrected = read(events.get(0).value());
            assertThat(corrected.path("value").asDouble()).isEqualTo(7.4);
            assertThat(corrected.path("revision").asLong()).isEqualTo(1);
            assertThat(corrected.path("respondents").asInt()).isEqualTo(48);
        }
        // the same values again change nothing
        correct(Tokens.corporation(CORP), id, "\"1\"", Map.of("value", 7.4, "reason", "Nog eens.")).statusCode(200).header("ETag", "\"1\"");

        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/measurements/{id}/history", id).then().statusCode(200)
                .body("totalItems", equalTo(2)).body("items.action", contains("corrected", "recorded"))
                .body("items[0].reason", equalTo("De export gebruikte de verkeerde kolom."))
                .body("items[0].actor.subject", equalTo(CORP + "-user")).body("items[0].actor.role", equalTo("corporation"))
                .body("items[0].actor.organisation", equalTo(CORP))
                .body("items[0].changes", hasItem("value")).body("items[0].before.value", equalTo(4.1f))
                .body("items[0].after.value", equalTo(7.4f)).body("items[1].after.state", equalTo("recorded"));
        // the admin reads it across records; another corporation not even one measurement's
        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "measurement").queryParam("recordId", id)
                .queryParam("organisation", CORP).queryParam("actor", CORP + "-user").queryParam("from", "2026-01-01T00:00:00Z")
                .get("/api/v1/audit-entries").then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(Tokens.admin()).queryParam("recordId", id).queryParam("to", "2026-01-01T00:00:00+01:00")
                .get("/api/v1/audit-entries").then().statusCode(200).body("totalItems", equalTo(0));
        for (Map<String, String> bad : List.of(Map.of("from", "gisteren"), Map.of("to", "2026-13-45"), Map.of("recordKind", "x".repeat(61)),
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))) {
            given().auth().oauth2(Tokens.admin()).queryParams(bad).get("/api/v1/audit-entries").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.corporation("corp-other")).get("/api/v1/measurements/{id}/history", id).then().statusCode(404);
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/audit-entries").then().statusCode(403);
    }

    @Test
    void aCorrectionThatMayNotBeMadeIsAProblemAndChangesNothing() {
        String id = record(mark(AREA, 4.2, null));
        Map<String, Object> fix = Map.of("value", 7.2, "reason", "Verkeerde kolom.");
        long[] before = stored(id);

        correct(Tokens.corporation("corp-other"), id, "\"0\"", fix).statusCode(404).contentType("application/problem+json");
        correct(Tokens.partner("org-correct"), id, "\"0\"", fix).statusCode(403).contentType("application/problem+json");
        correct(Tokens.corporation(CORP), id, null, fix).statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/precondition-required"));
        correct(Tokens.corporation(CORP), id, "\"7\"", fix).statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/precondition-failed"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("value", 7.2)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("value", 7.2, "reason", " ")).statusCode(400)
                .body("errors.field", contains("reason"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("reason", "Niets.")).statusCode(400).body("errors.field", contains("value"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("respondents", -1, "reason", "Min.")).statusCode(400)
                .body("errors.field", contains("respondents"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("value", 11.0, "reason", "Te hoog.")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].message", equalTo("11.0 is outside the scale 1 to 10"));
        correct(Tokens.corporation(CORP), id, "\"0\"", Map.of("value", "zeven", "reason", "Tekst.")).statusCode(400);
        correct(Tokens.corporation(CORP), UUID.randomUUID().toString(), "\"0\"", fix).statusCode(404);
        assertThat(stored(id)).as("version, value, outbox events and audit entries").containsExactly(before);

        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("reason", "Dubbel ingevoerd.").delete("/api/v1/measurements/{id}", id)
                .then().statusCode(200).body("state", equalTo("withdrawn")).header("ETag", "\"1\"");
        long[] withdrawn = stored(id);
        correct(Tokens.corporation(CORP), id, "\"1\"", fix).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("was withdrawn"));
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("reason", "Nog eens.").delete("/api/v1/measurements/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(stored(id)).containsExactly(withdrawn);
    }

    @Test
    void aWithdrawalGoesOutUnderTheAreaNeedsAReasonAndAnETagWhenGivenMustBeCurrent() {
        String id = record(mark(OTHER_AREA, 5.0, null));
        long[] before = stored(id);
        given().auth().oauth2(Tokens.corporation(CORP)).delete("/api/v1/measurements/{id}", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.corporation(CORP)).header("If-Match", "\"3\"").queryParam("reason", "Fout.")
                .delete("/api/v1/measurements/{id}", id).then().statusCode(412);
        given().auth().oauth2(Tokens.corporation("corp-other")).queryParam("reason", "Fout.").delete("/api/v1/measurements/{id}", id)
                .then().statusCode(404);
        assertThat(stored(id)).containsExactly(before);

        try (TopicProbe topic = TopicProbe.atEnd(TOPIC)) {
            given().auth().oauth2(Tokens.corporation(CORP)).header("If-Match", "\"0\"").queryParam("reason", "Dubbel ingevoerd.")
                    .delete("/api/v1/measurements/{id}", id).then().statusCode(200).body("state", equalTo("withdrawn"))
                    .body("version", equalTo(1));
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.value().contains(id), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).key()).isEqualTo(OTHER_AREA);
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.measurement.withdrawn.v1");
            assertThat(read(events.get(0).value()).path("revision").asLong()).isEqualTo(1);
        }
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/measurements/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("withdrawn", "recorded")).body("items[0].reason", equalTo("Dubbel ingevoerd."));
    }

    @Test
    void aBatchIsWithdrawnInOneCallByItsIdempotencyKeyOrItsSourceBatch() {
        String key = "enquete-" + UUID.randomUUID();
        List<String> byKey = given().auth().oauth2(Tokens.corporation(CORP)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(mark(AREA, 6.1, null), mark(OTHER_AREA, 6.2, null))))
                .post("/api/v1/measurements/batch").then().statusCode(201).extract().path("measurementIds");
        String batch = "export-" + UUID.randomUUID();
        List<String> byBatch = given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(mark(AREA, 6.3, batch), mark(AREA, 6.4, batch), mark(OTHER_AREA, 6.5, batch))))
                .post("/api/v1/measurements/batch").then().statusCode(201).extract().path("measurementIds");
        // someone else's batch is not found; both or neither of key and batch is bad input
        given().auth().oauth2(Tokens.corporation("corp-other")).contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", key, "reason", "Fout.")).post("/api/v1/measurements/withdrawals").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("idempotencyKey", key, "sourceBatch", batch, "reason", "Fout.")).post("/api/v1/measurements/withdrawals")
                .then().statusCode(400).body("errors.field", contains("idempotencyKey"));
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("idempotencyKey", key))
                .post("/api/v1/measurements/withdrawals").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("sourceBatch", batch).queryParam("withdrawn", "false")
                .get("/api/v1/measurements").then().statusCode(200).body("totalItems", equalTo(3));

        try (TopicProbe topic = TopicProbe.atEnd(TOPIC)) {
            given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                    .body(Map.of("idempotencyKey", key, "reason", "Het verkeerde kwartaal.")).post("/api/v1/measurements/withdrawals")
                    .then().statusCode(200).body("count", equalTo(2)).body("alreadyWithdrawn", equalTo(0));
            given().auth().oauth2(Tokens.corporation(CORP)).queryParam("reason", "Eentje eerst.")
                    .delete("/api/v1/measurements/{id}", byBatch.get(0)).then().statusCode(200);
            given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                    .body(Map.of("sourceBatch", batch, "reason", "Het verkeerde kwartaal.")).post("/api/v1/measurements/withdrawals")
                    .then().statusCode(200).body("count", equalTo(2)).body("alreadyWithdrawn", equalTo(1))
                    .body("measurementIds", containsInAnyOrder(byBatch.get(1), byBatch.get(2)));
            List<String> all = new java.util.ArrayList<>(byKey);
            all.addAll(byBatch);
            List<ConsumerRecord<String, String>> events = topic.await(r -> all.stream().anyMatch(r.value()::contains), 6,
                    Duration.ofSeconds(15));
            assertThat(events).hasSize(5).allSatisfy(r -> assertThat(TopicProbe.header(r, "ce_type"))
                    .isEqualTo("nl.leefbaarheid.measurement.withdrawn.v1"));
        }
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("sourceBatch", batch).queryParam("withdrawn", "true")
                .get("/api/v1/measurements").then().statusCode(200).body("totalItems", equalTo(3));
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/measurements/{id}/history", byKey.get(1)).then()
                .body("items[0].reason", equalTo("Het verkeerde kwartaal."));
    }

    @Test
    void theListIsFilteredAndACorporationSeesOnlyItsOwn() {
        String batch = "lijst-" + UUID.randomUUID();
        String own = record(mark(AREA, 6.6, batch));
        Map<String, Object> lbm = mark(OTHER_AREA, -0.1, batch);
        lbm.put("indicator", "lbm.soc");
        lbm.put("period", "2024");
        record(lbm);
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("sourceBatch", batch).queryParam("area", AREA)
                .queryParam("indicator", "tenant.feeling-at-home").queryParam("period", "2026-Q2").queryParam("sourceSystem", "enquete-tool")
                .get("/api/v1/measurements").then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(own));
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("sourceBatch", batch).queryParam("period", "2024")
                .get("/api/v1/measurements").then().statusCode(200).body("items.indicator", contains("lbm.soc"));
        given().auth().oauth2(Tokens.corporation("corp-other")).queryParam("sourceBatch", batch).get("/api/v1/measurements").then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.admin()).queryParam("sourceBatch", batch).get("/api/v1/measurements").then()
                .statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(Tokens.partner("org-correct")).get("/api/v1/measurements").then().statusCode(403);
        given().auth().oauth2(Tokens.corporation("corp-other")).get("/api/v1/measurements/{id}", own).then().statusCode(404);
        for (String[] bad : new String[][] { { "area", "GM0973" }, { "period", "2026-Q5" }, { "withdrawn", "misschien" },
                { "indicator", "'; drop table measurement; --" }, { "deployment", "geen-uuid" }, { "complex", "<script>" } }) {
            given().auth().oauth2(Tokens.corporation(CORP)).queryParam(bad[0], bad[1]).get("/api/v1/measurements").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    /** The measurement's version and value, and the outbox events and audit entries about it. */
    long[] stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("select version, value * 100 from measurement where id = cast(:id as uuid)")
                    .setParameter("id", id).getSingleResult();
            return new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    count("select count(*) from outbox_event where payload like :id", id),
                    count("select count(*) from audit_entry where record_id = :id", id) };
        });
    }

    long count(String sql, String id) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", sql.contains("like") ? "%" + id + "%" : id).getSingleResult())
                .longValue();
    }

    JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
