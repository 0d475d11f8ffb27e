package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.event.MeasurementCorrected;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.event.MeasurementWithdrawn;
import nl.leefbaarheid.neighbourhood.service.MeasurementService;
import nl.leefbaarheid.neighbourhood.service.MeasurementService.Received;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Corrections and withdrawals of measurements, from the real topic: a correction replaces the observation's value and the
 * status follows, naming the correction; a withdrawal removes it and the status returns to what it was without it. Order
 * per area holds, and a correction or withdrawal that arrives before its measurement (a replay) still has the last word.
 */
@QuarkusTest
class MeasurementCorrectionConsumerTest {

    static final String MEASUREMENTS = "evaluation.measurements.v1";
    static final String STATUS = "neighbourhood.status.v1";
    static final String CORP = "corp-0974";

    @ConfigProperty(name = "mp.messaging.incoming.measurements.group.id")
    String groupId;

    @Inject
    MeasurementService measurements;

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        Areas.register("0974", 2024, Map.of("01", 600, "02", 400, "03", 500, "04", 450, "05", 300));
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("code", "ZH-0974", "name", "Zonnehof", "neighbourhoodCode", "BU09740105", "households", 60))
                .post("/api/v1/corporations/{c}/complexes", CORP).then().extract().statusCode();
        TopicProbe.awaitAssignment(groupId, MEASUREMENTS, Duration.ofSeconds(30));
    }

    static String recorded(String id, String area, String complex, double value, int respondents) {
        return """
                {"measurementId": "%s", "areaCode": "%s", "complexId": %s, "indicator": "tenant.feeling-at-home", "value": %s,
                 "period": "2026-Q2", "measuredOn": "2026-05-30", "respondents": %d, "instrument": "survey", "deploymentId": null,
                 "slot": null, "corporationId": "%s", "recordedAt": "2026-06-02T09:14:03Z"}"""
                .formatted(id, area, complex == null ? "null" : "\"" + complex + "\"", value, respondents, CORP);
    }

    static String corrected(String id, String area, String complex, double value, int respondents, long revision) {
        return """
                {"measurementId": "%s", "areaCode": "%s", "complexId": %s, "indicator": "tenant.feeling-at-home", "value": %s,
                 "period": "2026-Q2", "measuredOn": "2026-05-30", "respondents": %d, "instrument": "survey", "deploymentId": null,
                 "slot": null, "corporationId": "%s", "recordedAt": "2026-06-02T09:14:03Z", "revision": %d,
                 "correctedAt": "2026-06-03T10:00:00Z"}"""
                .formatted(id, area, complex == null ? "null" : "\"" + complex + "\"", value, respondents, CORP, revision);
    }

    static String withdrawn(String id, String area, String complex, long revision) {
        return """
                {"measurementId": "%s", "areaCode": "%s", "complexId": %s, "indicator": "tenant.feeling-at-home", "period": "2026-Q2",
                 "deploymentId": null, "corporationId": "%s", "revision": %d, "withdrawnAt": "2026-06-04T10:00:00Z"}"""
                .formatted(id, area, complex == null ? "null" : "\"" + complex + "\"", CORP, revision);
    }

    static void send(String type, String key, String body) {
        TopicProbe.send(MEASUREMENTS, key, body, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/evaluation-service", "ce_subject", key, "ce_time", "2026-06-02T09:14:03Z", "content-type", "application/json"));
    }

    /** Sends the event and waits for the status event of its area whose reason names {@code reason}. */
    static ConsumerRecord<String, String> sendAndAwaitStatus(String type, String area, String body, String reason) {
        try (TopicProbe status = TopicProbe.atEnd(STATUS)) {
            send(type, area, body);
            List<ConsumerRecord<String, String>> events = status.await(r -> area.equals(r.key())
                    && r.value().contains("\"reason\":\"" + reason + "\""), 1, Duration.ofSeconds(20));
            assertThat(events).as("status event of " + area + " for " + reason).hasSize(1);
            return events.get(0);
        }
    }

    static JsonPath status(String area) {
        return given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/areas/{code}/status", area).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aCorrectionReplacesTheValueAndAWithdrawalReturnsTheStatusToWhatItWasWithoutIt() {
        String area = "BU09740101";
        String earlier = UUID.randomUUID().toString();
        sendAndAwaitStatus(MeasurementRecorded.TYPE, area, recorded(earlier, area, null, 7.0, 40), "measurement " + earlier);
        Map<String, Object> before = status(area).getMap("status");

        String wrong = UUID.randomUUID().toString();
        sendAndAwaitStatus(MeasurementRecorded.TYPE, area, recorded(wrong, area, null, 4.1, 60), "measurement " + wrong);
        assertThat(status(area).getDouble("status.tenantExperience.mean")).isEqualTo(5.26); // (7.0 x 40 + 4.1 x 60) / 100

        ConsumerRecord<String, String> correction = sendAndAwaitStatus(MeasurementCorrected.TYPE, area,
                corrected(wrong, area, null, 7.6, 60, 1), "measurement " + wrong + " corrected");
        assertThat(correction.value()).contains("\"colour\":\"green\"");
        JsonPath after = status(area);
        assertThat(after.getDouble("status.tenantExperience.mean")).isEqualTo(7.36);
        assertThat(after.getInt("status.tenantExperience.respondents")).isEqualTo(100);

        sendAndAwaitStatus(MeasurementWithdrawn.TYPE, area, withdrawn(wrong, area, null, 2), "measurement " + wrong + " withdrawn");
        assertThat(status(area).getMap("status")).as("the status without the withdrawn measurement").isEqualTo(before);
        assertThat(observations("measurement:" + wrong)).isZero();
        assertThat(given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/{code}/status/history", area).then().statusCode(200)
                .extract().jsonPath().getList("items.reason", String.class))
                .startsWith("measurement " + wrong + " withdrawn", "measurement " + wrong + " corrected", "measurement " + wrong);
    }

    @Test
    void aWithdrawalOfAComplexMeasurementRecalculatesTheComplexToo() {
        String area = "BU09740105";
        String id = UUID.randomUUID().toString();
        sendAndAwaitStatus(MeasurementRecorded.TYPE, area, recorded(id, area, "ZH-0974", 5.0, 30), "measurement " + id);
        String complexStatus = "/api/v1/corporations/" + CORP + "/complexes/ZH-0974/status";
        given().auth().oauth2(Tokens.corporation(CORP)).get(complexStatus).then().statusCode(200)
                .body("status.tenantExperience.respondents", org.hamcrest.Matchers.equalTo(30));

        sendAndAwaitStatus(MeasurementWithdrawn.TYPE, area, withdrawn(id, area, "ZH-0974", 1), "measurement " + id + " withdrawn");
        given().auth().oauth2(Tokens.corporation(CORP)).get(complexStatus).then().statusCode(200)
                .body("status.tenantExperience", org.hamcrest.Matchers.nullValue())
                .body("version", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aCorrectionOrWithdrawalThatArrivesBeforeItsMeasurementHasTheLastWord() {
        String area = "BU09740102";
        String gone = UUID.randomUUID().toString();
        String fixed = UUID.randomUUID().toString();
        // a replay in the wrong order: the withdrawal and a correction before their measurements, an older correction last
        send(MeasurementWithdrawn.TYPE, area, withdrawn(gone, area, null, 1));
        sendAndAwaitStatus(MeasurementCorrected.TYPE, area, corrected(fixed, area, null, 8.0, 50, 2), "measurement " + fixed + " corrected");
        send(MeasurementRecorded.TYPE, area, recorded(gone, area, null, 2.0, 90));
        send(MeasurementRecorded.TYPE, area, recorded(fixed, area, null, 3.0, 50));
        send(MeasurementCorrected.TYPE, area, corrected(fixed, area, null, 4.0, 50, 1));
        // a measurement after them: once it is in the status, so is what came before it
        String marker = UUID.randomUUID().toString();
        sendAndAwaitStatus(MeasurementRecorded.TYPE, area, recorded(marker, area, null, 8.0, 10), "measurement " + marker);

        JsonPath status = status(area);
        assertThat(status.getDouble("status.tenantExperience.mean")).isEqualTo(8.0);
        assertThat(status.getInt("status.tenantExperience.respondents")).isEqualTo(60);
        assertThat(observations("measurement:" + gone)).isZero();
        assertThat(value("measurement:" + fixed)).isEqualTo(8.0);
    }

    @Test
    void recordedCorrectedAndWithdrawnInOneBatchLeaveNothingAndTheRecordingAgainChangesNothing() {
        String area = "BU09740103";
        String id = UUID.randomUUID().toString();
        MeasurementService.Outcome outcome = measurements.recordAll(List.of(
                new Received(UUID.randomUUID().toString(), new MeasurementRecorded(id, area, null, "tenant.feeling-at-home", 6.0,
                        "2026-Q2", 40, "survey", CORP, "2026-06-02T09:14:03Z"), null),
                new Received(UUID.randomUUID().toString(), new MeasurementCorrected(id, area, null, "tenant.feeling-at-home", 6.5,
                        "2026-Q2", 40, CORP, 1L), null),
                new Received(UUID.randomUUID().toString(), new MeasurementWithdrawn(id, area, null, CORP, 2L), null)));
        assertThat(outcome.recorded()).isEqualTo(3);
        assertThat(outcome.invalid()).isEmpty();
        assertThat(observations("measurement:" + id)).isZero();

        measurements.recordAll(List.of(new Received(UUID.randomUUID().toString(), new MeasurementRecorded(id, area, null,
                "tenant.feeling-at-home", 6.0, "2026-Q2", 40, "survey", CORP, "2026-06-02T09:14:03Z"), null)));
        assertThat(observations("measurement:" + id)).isZero();
    }

    @Test
    void aCorrectionWithoutItsRevisionOrOffTheScaleGoesToTheDeadLetters() {
        String area = "BU09740104";
        String id = UUID.randomUUID().toString();
        MeasurementService.Outcome outcome = measurements.recordAll(List.of(
                new Received(UUID.randomUUID().toString(), new MeasurementCorrected(id, area, null, "tenant.feeling-at-home", 6.5,
                        "2026-Q2", 40, CORP, null), null),
                new Received(UUID.randomUUID().toString(), new MeasurementCorrected(id, area, null, "tenant.feeling-at-home", 12.0,
                        "2026-Q2", 40, CORP, 1L), null),
                new Received(UUID.randomUUID().toString(), new MeasurementWithdrawn(id, null, null, CORP, 2L), null)));
        assertThat(outcome.invalid()).containsOnlyKeys(0, 1, 2);
        assertThat(outcome.invalid().get(0)).contains("lacks its revision");
        assertThat(outcome.invalid().get(1)).contains("outside the scale 1 to 10");
        assertThat(outcome.invalid().get(2)).contains("lacks its measurementId or areaCode");
    }

    long observations(String source) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from observation where source = :s")
                .setParameter("s", source).getSingleResult()).longValue());
    }

    double value(String source) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select value from observation where source = :s")
                .setParameter("s", source).getSingleResult()).doubleValue());
    }
}
