package nl.leefbaarheid.evaluation.listener;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.evaluation.Registry;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** The read model of neighbourhood.areas.v1, fed through the real topic. */
@QuarkusTest
class AreaListenerTest {

    @Inject
    EntityManager em;

    static final String AREA_EVENT = "nl.leefbaarheid.area.registered.v1";

    static String area(String code, String name) {
        return """
                {"code": "%s", "year": 2024, "level": "neighbourhood", "name": "%s", "parentCode": "WK095201", "households": 400}"""
                .formatted(code, name);
    }

    @Test
    void anAreaIsStoredAndAReplayedEventChangesNothing() {
        String code = "BU0952" + Integer.toString(1000 + (int) (Math.random() * 9000));
        String id = Registry.send("area:" + code + ":2024", AREA_EVENT, area(code, "Eerste naam"));
        Registry.await(() -> "Eerste naam".equals(name(code)), "area " + code);

        // the same event again (a redelivery, a replay of the topic) is ignored, whatever it says; a marker sent after it to
        // the same partition arrives after it has been handled
        Registry.send(id, "area:" + code + ":2024", AREA_EVENT, area(code, "Herhaald"));
        Registry.neighbourhoods(2024, markerOnThePartitionOf("area:" + code + ":2024"));
        assertThat(name(code)).isEqualTo("Eerste naam");
        assertThat(processed(id)).isEqualTo(1);

        // a new event of the same key replaces what it describes
        Registry.send("area:" + code + ":2024", AREA_EVENT, area(code, "Nieuwe naam"));
        Registry.await(() -> "Nieuwe naam".equals(name(code)), "the renamed area " + code);
    }

    @Test
    void aComplexIsStored() {
        Registry.neighbourhoods(2024, "BU09520001");
        Registry.complex("corp-listener", "K-7", "BU09520001");
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name || '/' || homes from complex_ref where corporation_id = 'corp-listener' and complex_id = 'K-7'")
                .getSingleResult())).isEqualTo("Complex K-7/80");
    }

    @Test
    void aDefinitionOfTheKapstokIsInForceForTheNextMeasurement() {
        String indicator = "test.steps-" + UUID.randomUUID().toString().substring(0, 8);
        Registry.neighbourhoods(2024, "BU09520002");
        Registry.send("indicator:" + indicator, "nl.leefbaarheid.indicator.defined.v1", """
                {"code": "%s", "name": "Stappen", "unit": "count", "scaleMin": 0, "scaleMax": 5, "higherIsBetter": true, "restricted": false}"""
                .formatted(indicator));
        Registry.await(() -> scaleMax(indicator) != null, "indicator " + indicator);
        Map<String, Object> measurement = Map.of("areaCode", "BU09520002", "indicator", indicator, "value", 6, "period", "2026");
        given().auth().oauth2(Tokens.corporation("corp-listener")).contentType(ContentType.JSON).body(measurement)
                .post("/api/v1/measurements").then().statusCode(422).body("errors.field", contains("value"));

        // a changed definition (the same key, a new event) replaces the scale
        Registry.send("indicator:" + indicator, "nl.leefbaarheid.indicator.defined.v1", """
                {"code": "%s", "name": "Stappen", "unit": "count", "scaleMin": 0, "scaleMax": 10, "higherIsBetter": true, "restricted": false}"""
                .formatted(indicator));
        Registry.await(() -> scaleMax(indicator) == 10, "the new scale of " + indicator);
        given().auth().oauth2(Tokens.corporation("corp-listener")).contentType(ContentType.JSON).body(measurement)
                .post("/api/v1/measurements").then().statusCode(201).body("count", equalTo(1));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsStored() {
        String broken = UUID.randomUUID().toString();
        try (TopicProbe dead = TopicProbe.atEnd("evaluation-service.dlq.v1")) {
            Registry.send(broken, "area:BU09520003:2024", AREA_EVENT, "{\"code\": ");
            Registry.send("area:BU09520004:2024", AREA_EVENT, "{\"year\": 2024}");
            Registry.neighbourhoods(2024, "BU09520005");
            List<ConsumerRecord<String, String>> letters = dead.await(r -> r.key() != null && r.key().startsWith("area:BU0952000"), 2,
                    Duration.ofSeconds(20));
            assertThat(letters).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("area:BU09520003:2024", "area:BU09520004:2024");
            assertThat(letters).allSatisfy(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).isNotBlank());
        }
    }

    /** A neighbourhood code whose key Kafka's default partitioner puts on the same of the topic's 3 partitions as {@code key}. */
    static String markerOnThePartitionOf(String key) {
        while (true) {
            String code = "BU0952" + Integer.toString(1000 + (int) (Math.random() * 9000));
            if (partition("area:" + code + ":2024") == partition(key)) {
                return code;
            }
        }
    }

    static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    String name(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> names = em.createNativeQuery("select name from area_ref where code = :code and year = 2024")
                    .setParameter("code", code).getResultList();
            return names.isEmpty() ? null : (String) names.get(0);
        });
    }

    long processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId).getSingleResult()).longValue());
    }

    Integer scaleMax(String indicator) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> max = em.createNativeQuery("select cast(scale_max as integer) from indicator where code = :code")
                    .setParameter("code", indicator).getResultList();
            return max.isEmpty() ? null : ((Number) max.get(0)).intValue();
        });
    }
}
