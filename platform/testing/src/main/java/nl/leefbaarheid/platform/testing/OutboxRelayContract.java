package nl.leefbaarheid.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.leefbaarheid.platform.outbox.Outbox;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its relay against the real broker and the service's own database: each service with an outbox runs
 * these tests in a {@code @QuarkusTest} subclass that names one of its topics.
 */
public abstract class OutboxRelayContract {

    static final String TYPE = "nl.leefbaarheid.test.happened.v1";

    /** A topic the service publishes to. */
    protected abstract String topic();

    @Test
    public void committedEventsArriveOnTheRealTopicInOrderAsCloudEvents() {
        String key = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(topic())) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                    outbox().add(topic(), key, TYPE, key, Map.of("n", 1)),
                    outbox().add(topic(), key, TYPE, key, Map.of("n", 2))));

            List<ConsumerRecord<String, String>> records = probe.await(r -> key.equals(r.key()), 2, Duration.ofSeconds(20));

            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_id"))
                    .containsExactly(ids.get(0).toString(), ids.get(1).toString());
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
            ConsumerRecord<String, String> first = records.get(0);
            assertThat(TopicProbe.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(first, "ce_type")).isEqualTo(TYPE);
            assertThat(TopicProbe.header(first, "ce_source"))
                    .isEqualTo("/" + ConfigProvider.getConfig().getValue("quarkus.application.name", String.class));
            assertThat(TopicProbe.header(first, "ce_subject")).isEqualTo(key);
            assertThat(TopicProbe.header(first, "ce_time")).isNotBlank();
        }
    }

    @Test
    public void eventOfARolledBackTransactionIsNeverPublished() {
        String key = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(topic())) {
            QuarkusTransaction.begin();
            outbox().add(topic(), key, TYPE, key, Map.of("n", 1));
            QuarkusTransaction.rollback();

            assertThat(probe.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em(),
                "select count(*) from outbox_event where event_key = ?", List.of(key), row -> row.getLong(1)).get(0));
        assertThat(stored).isZero();
    }

    /**
     * Needs {@code %test.leefbaarheid.outbox.max-attempts} of 3 or more, so that the refused event is seen pending
     * before it is set aside.
     */
    @Test
    public void anEventKafkaRefusesForGoodHoldsBackItsKeyUntilItIsSetAsideAndAnAdminCanRetryIt() throws InterruptedException {
        String key = "test-" + UUID.randomUUID();
        String other = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(topic())) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                    outbox().add("not a topic!", key, TYPE, key, Map.of("n", 1)), // an invalid topic name: refused for good
                    outbox().add(topic(), key, TYPE, key, Map.of("n", 2)),
                    outbox().add(topic(), other, TYPE, other, Map.of("n", 3))));

            assertThat(probe.await(r -> other.equals(r.key()), 1, Duration.ofSeconds(20))).as("the event of another key").hasSize(1);
            StoredEvent refused = awaitEvent(ids.get(0), e -> e.attempts() > 0);
            assertThat(refused.lastError()).contains("InvalidTopicException");
            if (refused.status().equals("PENDING")) {
                // not marked published while an earlier event of its key is refused: it goes out again after that one
                assertThat(event(ids.get(1)).status()).as("the later event of its key").isEqualTo("PENDING");
            }

            refused = awaitEvent(ids.get(0), e -> e.status().equals("SET_ASIDE"));
            assertThat(refused.attempts()).isEqualTo(ConfigProvider.getConfig().getValue("leefbaarheid.outbox.max-attempts", Integer.class));
            assertThat(probe.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20))).as("the later event of its key, once the"
                    + " refused one is set aside").extracting(ConsumerRecord::value).containsExactly("{\"n\":2}");
            awaitEvent(ids.get(1), e -> e.status().equals("PUBLISHED"));

            given().auth().oauth2(Tokens.admin()).get("/api/v1/outbox/set-aside?size=500").then().statusCode(200)
                    .body("items.eventId", hasItem(ids.get(0).toString()));
            given().auth().oauth2(Tokens.corporation("corp-a")).get("/api/v1/outbox/set-aside").then().statusCode(403);
            given().auth().oauth2(Tokens.admin()).post("/api/v1/outbox/set-aside/" + ids.get(0) + "/retry").then().statusCode(200)
                    .body("eventId", equalTo(ids.get(0).toString()));
            given().auth().oauth2(Tokens.admin()).post("/api/v1/outbox/set-aside/" + UUID.randomUUID() + "/retry").then()
                    .statusCode(404).contentType("application/problem+json");
            // retried with a fresh count, and refused again
            awaitEvent(ids.get(0), e -> e.status().equals("SET_ASIDE") && e.attempts() > 0);
        } finally {
            // taken out of the relay's way, so that it does not retry them for the rest of the tests
            QuarkusTransaction.requiringNew().run(() -> SqlRows.update(em(),
                    "update outbox_event set status = 'PUBLISHED' where event_key = ?", List.of(key)));
        }
    }

    private static StoredEvent awaitEvent(UUID eventId, Predicate<StoredEvent> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        StoredEvent event = event(eventId);
        while (!done.test(event) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            event = event(eventId);
        }
        assertThat(done.test(event)).as("outbox event " + eventId + " as expected: " + event).isTrue();
        return event;
    }

    /** An outbox row as the relay left it. */
    private record StoredEvent(String status, int attempts, String lastError) {
    }

    private static StoredEvent event(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em(),
                "select status, attempts, last_error from outbox_event where event_id = ?", List.of(eventId),
                row -> new StoredEvent(row.getString(1), row.getInt(2), row.getString(3))).get(0));
    }

    private static Outbox outbox() {
        return Arc.container().instance(Outbox.class).get();
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
