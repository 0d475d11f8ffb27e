package nl.leefbaarheid.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.evaluation.Registry;
import nl.leefbaarheid.platform.testing.Eventually;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Stops the real Kafka broker while measurements keep coming in: the service stays ready, the API accepts them, the
 * outbox keeps them, and after the broker restarts every one of them reaches the topic, in order per area.
 */
@QuarkusTest
class BrokerOutageTest {

    static final String[] AREAS = { "BU09040301", "BU09040302" };

    @Test
    void measurementsAcceptedWhileTheBrokerIsDownAllArriveInOrderAfterItRestarts() throws Exception {
        Registry.neighbourhoods(2024, AREAS); // while the broker is up
        List<String> sent = new ArrayList<>();
        try (TopicProbe topic = TopicProbe.atEnd("evaluation.measurements.v1")) {
            script("stop.sh", "kafka");
            try {
                // the service stays ready (readiness is the database); the broker's own health group says it is away
                Eventually.holds(Duration.ofSeconds(40), () -> given().get("/q/health/group/kafka").then().statusCode(503)
                        .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN")));
                long started = System.nanoTime();
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
                given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("both probes answered").isLessThan(Duration.ofSeconds(1));
                given().get("/q/metrics").then().statusCode(200).body(containsString("kafka_broker_reachable 0.0"));
                for (int i = 0; i < 20; i++) {
                    String area = AREAS[i % 2];
                    Map<String, Object> body = new HashMap<>(Map.of("areaCode", area, "indicator", "tenant.clean-and-intact",
                            "value", 5 + i * 0.1, "period", "2026-Q2", "respondents", 20, "instrument", "survey"));
                    String id = given().auth().oauth2(Tokens.corporation("corp-outage")).contentType(ContentType.JSON).body(body)
                            .post("/api/v1/measurements").then().statusCode(201).extract().path("measurementIds[0]");
                    sent.add(id);
                }
            } finally {
                script("kafka-start.sh");
            }
            Eventually.holds(Duration.ofSeconds(40), () -> given().get("/q/health/group/kafka").then().statusCode(200));
            // delivery is at least once: a record the broker took but did not acknowledge is sent again, with its id
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<ConsumerRecord<String, String>> arrived = topic.await(r -> sent.stream().anyMatch(r.value()::contains)
                    && seen.add(TopicProbe.header(r, "ce_id")), sent.size(), Duration.ofSeconds(90));

            assertThat(arrived).hasSize(sent.size());
            for (String area : AREAS) {
                List<String> sentForArea = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    if (AREAS[i % 2].equals(area)) {
                        sentForArea.add(sent.get(i));
                    }
                }
                List<String> arrivedForArea = arrived.stream().filter(r -> area.equals(r.key()))
                        .map(r -> sentForArea.stream().filter(r.value()::contains).findFirst().orElseThrow()).toList();
                assertThat(arrivedForArea).as("order in " + area).containsExactlyElementsOf(sentForArea);
            }
        }
    }

    /** Runs one of the project's local scripts, as a developer would. */
    static void script(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(new File("../deploy/local/" + name).getCanonicalPath()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor()).as(name + " exit code").isZero();
    }
}
