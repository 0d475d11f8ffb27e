package nl.leefbaarheid.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dead letters of a consuming service against the real broker: a record its consumer refuses lands in the archive
 * with its reason, an admin sees it and replays it to its topic. Each consuming service runs this in a
 * {@code @QuarkusTest} subclass that names one of its incoming channels.
 */
@SuppressWarnings("unchecked")
public abstract class DeadLettersContract {

    /** An incoming channel of the service whose consumer refuses a record without CloudEvents headers. */
    protected abstract String channel();

    @Test
    public void aRefusedRecordIsKeptWithItsReasonAndAnAdminReplaysIt() {
        Config config = ConfigProvider.getConfig();
        String topic = config.getValue("mp.messaging.incoming." + channel() + ".topic", String.class);
        TopicProbe.awaitAssignment(config.getValue("mp.messaging.incoming." + channel() + ".group.id", String.class), topic,
                Duration.ofSeconds(30));
        TopicProbe.awaitAssignment(config.getValue("mp.messaging.incoming.dead-letters.group.id", String.class),
                config.getValue("mp.messaging.incoming.dead-letters.topic", String.class), Duration.ofSeconds(30));
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(topic, key, "{\"no\": \"cloudevents headers\"}", Map.of("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        Map<String, Object> first = awaitLetters(topic, key, 1).get(0);
        assertThat((String) first.get("reason")).contains("no ce_id header");
        assertThat(first.get("payload")).isEqualTo("{\"no\": \"cloudevents headers\"}");
        // the record's trace goes with it (a consumer with the connector's tracing names its own span in it)
        assertThat((String) ((Map<String, Object>) first.get("headers")).get("traceparent")).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(first.get("replays")).isEqualTo(0);
        long id = ((Number) first.get("id")).longValue();
        given().auth().oauth2(Tokens.admin()).get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("key", equalTo(key)).body("topic", equalTo(topic));

        // only an admin; an unknown one is a problem
        given().auth().oauth2(Tokens.corporation("corp-a")).get("/api/v1/dead-letters").then().statusCode(403);
        given().auth().oauth2(Tokens.partner("org-a")).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/dead-letters/999999999").then().statusCode(404)
                .contentType("application/problem+json");

        // replayed to its topic, the consumer refuses it again: a second dead letter
        given().auth().oauth2(Tokens.admin()).post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("replays", equalTo(1)).body("replayedAt", notNullValue());
        awaitLetters(topic, key, 2);
        given().auth().oauth2(Tokens.admin()).queryParam("topic", topic).queryParam("key", key).post("/api/v1/dead-letters/replay").then()
                .statusCode(200).body("replayed", equalTo(1));
        awaitLetters(topic, key, 3);
        given().auth().oauth2(Tokens.admin()).queryParam("key", key).queryParam("waiting", true).get("/api/v1/dead-letters")
                .then().statusCode(200).body("totalItems", equalTo(1));
        given().get("/q/metrics").then().statusCode(200).body(containsString("dead_letters_waiting"))
                .body(containsString("dead_letters_archived_total"));
    }

    /** The dead letters of this key, newest first, once there are at least {@code count}. */
    private static List<Map<String, Object>> awaitLetters(String topic, String key, int count) {
        List<List<Map<String, Object>>> found = new ArrayList<>();
        Eventually.holds(Duration.ofSeconds(30), () -> {
            List<Map<String, Object>> items = given().auth().oauth2(Tokens.admin()).queryParam("topic", topic)
                    .queryParam("key", key).get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath()
                    .getList("items");
            assertThat(items).hasSizeGreaterThanOrEqualTo(count);
            found.add(items);
        });
        return found.get(found.size() - 1);
    }
}
