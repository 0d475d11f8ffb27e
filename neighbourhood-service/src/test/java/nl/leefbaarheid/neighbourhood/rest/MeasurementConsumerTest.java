package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.service.MeasurementService;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeasurementConsumerTest {

    static final String MEASUREMENTS = "evaluation.measurements.v1";
    static final String STATUS = "neighbourhood.status.v1";
    static final String DLQ = "neighbourhood-service.dlq.v1";
    static final String TYPE = "nl.leefbaarheid.measurement.recorded.v1";

    @ConfigProperty(name = "mp.messaging.incoming.measurements.group.id")
    String groupId;

    @Inject
    MeasurementService measurements;

    @BeforeEach
    void setUp() {
        Areas.register("0902", 2024, Map.of("01", 600, "02", 400, "03", 500, "04", 450));
        given().auth().oauth2(Tokens.corporation("corp-demo")).contentType(ContentType.JSON)
                .body(Map.of("code", "ZH-0902", "name", "Zonnehof", "neighbourhoodCode", "BU09020101", "households", 60))
                .post("/api/v1/corporations/corp-demo/complexes").then().extract().statusCode();
        TopicProbe.awaitAssignment(groupId, MEASUREMENTS, Duration.ofSeconds(30));
    }

    static String measurement(String id, String area, String complex, double value, int respondents) {
        return """
                {"measurementId": "%s", "areaCode": "%s", "complexId": %s, "indicator": "tenant.feeling-at-home",
                 "value": %s, "period": "2026-Q3", "measuredOn": "2026-09-30", "respondents": %d, "instrument": "survey",
                 "deploymentId": null, "slot": "monitoring", "corporationId": "corp-demo", "recordedAt": "2026-10-02T09:14:03Z"}"""
                .formatted(id, area, complex == null ? "null" : "\"" + complex + "\"", value, respondents);
    }

    static void send(String id, String type, String key, String body) {
        TopicProbe.send(MEASUREMENTS, key, body, headers(id, type, key));
    }

    static Map<String, String> headers(String id, String type, String key) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/evaluation-service",
                "ce_subject", key, "ce_time", "2026-10-02T09:14:03Z", "content-type", "application/json");
    }

    @Test
    void theStatusEventGoesOnInTheTraceOfTheMeasurement() {
        String id = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>(headers(id, TYPE, "BU09020104"));
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        try (TopicProbe status = TopicProbe.atEnd(STATUS)) {
            TopicProbe.send(MEASUREMENTS, "BU09020104", measurement(id, "BU09020104", null, 7.8, 40), headers);

            List<ConsumerRecord<String, String>> events = status.await(r -> "BU09020104".equals(r.key()), 1, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            // traceparent: 00-<trace id>-<span id of the consumer's work>-<flags>
            assertThat(TopicProbe.header(events.get(0), "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain("00f067aa0ba902b7");
        }
        // operators see the recalculations and the consumer's lag
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("status_recalculations_total{level=\"neighbourhood\",outcome=\"changed\"}")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void theDistrictAndTheMunicipalityAreRolledUpAfterTheNeighbourhoodInTheTraceOfTheMeasurement() {
        Areas.register("0907", 2024, Map.of("01", 300, "02", 200));
        String id = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>(headers(id, TYPE, "BU09070101"));
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        try (TopicProbe status = TopicProbe.atEnd(STATUS)) {
            TopicProbe.send(MEASUREMENTS, "BU09070101", measurement(id, "BU09070101", null, 6.8, 30), headers);

            List<String> areas = List.of("BU09070101", "WK090701", "GM0907");
            List<ConsumerRecord<String, String>> events = status.await(r -> areas.contains(r.key()), 4, Duration.ofSeconds(15));
            assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(areas);
            for (ConsumerRecord<String, String> event : events) {
                assertThat(event.value()).contains("\"reason\":\"measurement " + id + "\"", "\"colour\":\"orange\"");
                assertThat(TopicProbe.header(event, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            }
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/GM0907/status").then().statusCode(200)
                .body("version", equalTo(1))
                .body("status.tenantExperience.mean", equalTo(6.8f))
                .body("status.tenantExperience.respondents", equalTo(30));
        // every request to roll up was done, and operators see how many wait
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).contains("status_rollups_pending 0.0");
    }

    @Test
    void aMeasurementChangesTheStatusOnceAndItsRedeliveryChangesNothing() {
        String id = UUID.randomUUID().toString();
        try (TopicProbe status = TopicProbe.atEnd(STATUS)) {
            send(id, TYPE, "BU09020101", measurement(id, "BU09020101", "ZH-0902", 6.1, 40));

            List<ConsumerRecord<String, String>> events = status.await(r -> "BU09020101".equals(r.key()), 2, Duration.ofSeconds(15));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("\"reason\":\"measurement " + id + "\"", "\"colour\":\"red\"",
                    "\"changes\":[\"fewHouseholds\",\"signals\",\"tenantExperience\"]");

            send(id, TYPE, "BU09020101", measurement(id, "BU09020101", "ZH-0902", 6.1, 40));
            assertThat(status.await(r -> "BU09020101".equals(r.key()), 1, Duration.ofSeconds(4))).isEmpty();
        }
        given().auth().oauth2(Tokens.corporation("corp-demo")).get("/api/v1/areas/BU09020101/status").then().statusCode(200)
                .body("version", equalTo(1))
                .body("status.tenantExperience.mean", equalTo(6.1f))
                .body("status.tenantExperience.respondents", equalTo(40))
                .body("status.tenantExperience.colour", equalTo("red"));
        given().auth().oauth2(Tokens.corporation("corp-demo")).get("/api/v1/corporations/corp-demo/complexes/ZH-0902/status")
                .then().statusCode(200).body("status.tenantExperience.colour", equalTo("red"));
    }

    @Test
    void tooFewRespondentsAreSuppressed() {
        String id = UUID.randomUUID().toString();
        try (TopicProbe status = TopicProbe.atEnd(STATUS)) {
            send(id, TYPE, "BU09020102", measurement(id, "BU09020102", null, 9.5, 4));
            assertThat(status.await(r -> "BU09020102".equals(r.key()), 1, Duration.ofSeconds(15))).hasSize(1);
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09020102/status").then().statusCode(200)
                .body("status.tenantExperience.suppressed", equalTo(true))
                .body("status.tenantExperience.mean", equalTo(null))
                .body("status.tenantExperience.respondents", equalTo(null));
    }

    @Test
    void aBurstIsStoredOnceEachAndEveryAreaNamesItsMeasurementsInExactlyOneVersion() throws InterruptedException {
        Areas.register("0905", 2024, Map.of("01", 300, "02", 300, "03", 300));
        List<String> areas = List.of("BU09050101", "BU09050102", "BU09050103");
        Map<String, List<String>> sent = new HashMap<>();
        String invalid = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.atEnd(DLQ)) {
            for (int i = 0; i < 30; i++) {
                String area = areas.get(i % 3);
                String id = UUID.randomUUID().toString();
                send(id, TYPE, area, measurement(id, area, null, 5 + (i % 40) / 10.0, 40));
                sent.computeIfAbsent(area, a -> new java.util.ArrayList<>()).add(id);
                if (i == 14) { // in the middle of the burst: refused alone, the rest of its batch goes on
                    send(invalid, TYPE, area, measurement(invalid, area, null, 42, 40));
                }
            }
            assertThat(dlq.await(r -> invalid.equals(TopicProbe.header(r, "ce_id")), 1, Duration.ofSeconds(20))).hasSize(1);
        }
        for (String area : areas) {
            Versions versions = versionsNaming(area, sent.get(area));
            assertThat(versions.named()).as("measurement ids named by the versions of " + area).containsOnlyKeys(sent.get(area));
            assertThat(versions.named().values()).as("versions naming each measurement").containsOnly(1);
            assertThat(versions.count()).as("versions of " + area).isLessThanOrEqualTo(sent.get(area).size());
        }
        // the district and the municipality were rolled up from the same measurements, none named twice (a roll-up takes
        // each request once), in fewer versions than measurements (one roll-up serves the requests of many batches)
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!given().get("/q/metrics").then().extract().asString().contains("status_rollups_pending 0.0") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> all = sent.values().stream().flatMap(List::stream).toList();
        for (String parent : List.of("WK090501", "GM0905")) {
            Versions versions = versionsNaming(parent, List.of());
            assertThat(versions.named()).as("measurement ids named by the versions of " + parent).isNotEmpty();
            assertThat(all).as("the measurements of the burst").containsAll(versions.named().keySet());
            assertThat(versions.named().values()).as("versions of " + parent + " naming each measurement").containsOnly(1);
            assertThat(versions.count()).as("versions of " + parent).isLessThan(all.size());
        }
    }

    @Test
    void aBatchRecalculatesEachOfItsAreasOnceForAllOfItsMeasurements() {
        Areas.register("0908", 2024, Map.of("01", 300));
        String area = "BU09080101";
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<MeasurementService.Received> batch = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) { // three quarters of one area, as one poll can return them
            batch.add(new MeasurementService.Received(UUID.randomUUID().toString(), new MeasurementRecorded(ids.get(i), area, null,
                    "tenant.feeling-at-home", 6.0 + i, "2026-Q" + (i + 1), 40, "survey", "corp-demo", "2026-10-02T09:14:03Z"), null));
        }

        MeasurementService.Outcome outcome = measurements.recordAll(batch);

        assertThat(outcome.recorded()).isEqualTo(3);
        assertThat(outcome.statusChanges()).as("statuses of neighbourhoods and complexes changed").isEqualTo(1);
        Versions versions = versionsNaming(area, ids);
        assertThat(versions.count()).as("versions of " + area).isEqualTo(1);
        assertThat(versions.named()).as("measurement ids named by its version").containsOnlyKeys(ids).containsValues(1);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/{code}/status", area).then().statusCode(200)
                .body("status.tenantExperience.mean", equalTo(8.0f)); // the latest quarter's
    }

    /** How many versions an area's status has, and how often they name each measurement id (once all those given are named). */
    private record Versions(int count, Map<String, Integer> named) {
    }

    private static Versions versionsNaming(String area, List<String> measurementIds) {
        Map<String, Integer> named = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> history;
        do {
            history = given().auth().oauth2(Tokens.admin()).queryParam("size", 100).get("/api/v1/areas/{code}/status/history", area)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            named.clear();
            history.forEach(v -> java.util.regex.Pattern.compile("[0-9a-f-]{36}").matcher((String) v.get("reason")).results()
                    .forEach(m -> named.merge(m.group(), 1, Integer::sum)));
        } while (!named.keySet().containsAll(measurementIds) && System.nanoTime() < deadline);
        return new Versions(history.size(), named);
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String broken = UUID.randomUUID().toString();
        String future = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.atEnd(DLQ); TopicProbe status = TopicProbe.atEnd(STATUS)) {
            send(broken, TYPE, "BU09020103", "{not json");
            send(future, "nl.leefbaarheid.measurement.recorded.v2", "BU09020103", measurement(future, "BU09020103", null, 7, 40));
            send(invalid, TYPE, "BU09020103", measurement(invalid, "BU09020103", null, 42, 40));
            TopicProbe.send(MEASUREMENTS, "BU09020103", "{}", Map.of()); // no CloudEvents headers at all
            send(good, TYPE, "BU09020103", measurement(good, "BU09020103", null, 8.2, 40));

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> "BU09020103".equals(r.key()), 4, Duration.ofSeconds(20));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(broken, future, invalid, null);
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("unreadable data");
            assertThat(TopicProbe.header(dead.get(1), "dead-letter-reason")).contains("unknown event type");
            assertThat(TopicProbe.header(dead.get(2), "dead-letter-reason")).contains("value 42.0 is outside the scale 1 to 10");
            assertThat(TopicProbe.header(dead.get(3), "dead-letter-reason")).contains("no ce_id header");
            assertThat(status.await(r -> "BU09020103".equals(r.key()) && r.value().contains(good), 1, Duration.ofSeconds(15)))
                    .hasSize(1);
        }
    }
}
