package nl.leefbaarheid.evaluation.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.evaluation.platform.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "evaluation.measurements.v1";

    @Inject
    Outbox outbox;

    @Test
    void committedEventsArriveOnTheRealTopicInOrderAsCloudEvents() {
        String key = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(TOPIC)) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                    outbox.add(TOPIC, key, "nl.leefbaarheid.test.happened.v1", key, Map.of("n", 1)),
                    outbox.add(TOPIC, key, "nl.leefbaarheid.test.happened.v1", key, Map.of("n", 2))));

            List<ConsumerRecord<String, String>> records = probe.await(r -> key.equals(r.key()), 2, Duration.ofSeconds(20));

            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_id"))
                    .containsExactly(ids.get(0).toString(), ids.get(1).toString());
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
            ConsumerRecord<String, String> first = records.get(0);
            assertThat(TopicProbe.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicProbe.header(first, "ce_type")).isEqualTo("nl.leefbaarheid.test.happened.v1");
            assertThat(TopicProbe.header(first, "ce_source")).isEqualTo("/evaluation-service");
            assertThat(TopicProbe.header(first, "ce_subject")).isEqualTo(key);
            assertThat(TopicProbe.header(first, "ce_time")).isNotBlank();
        }
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() {
        String key = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(TOPIC)) {
            QuarkusTransaction.begin();
            outbox.add(TOPIC, key, "nl.leefbaarheid.test.happened.v1", key, Map.of("n", 1));
            QuarkusTransaction.rollback();

            assertThat(probe.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
        }
        long stored = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventKey", key));
        assertThat(stored).isZero();
    }

    @Test
    void anEventKafkaRefusesStaysPendingWithItsErrorAndHoldsBackOnlyTheLaterEventsOfItsKey() throws InterruptedException {
        String key = "test-" + UUID.randomUUID();
        String other = "test-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.atEnd(TOPIC)) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                    outbox.add("not a topic!", key, "nl.leefbaarheid.test.happened.v1", key, Map.of("n", 1)), // an invalid topic name
                    outbox.add(TOPIC, key, "nl.leefbaarheid.test.happened.v1", key, Map.of("n", 2)),
                    outbox.add(TOPIC, other, "nl.leefbaarheid.test.happened.v1", other, Map.of("n", 3))));

            assertThat(probe.await(r -> other.equals(r.key()), 1, Duration.ofSeconds(20))).as("the event of another key").hasSize(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            OutboxEvent refused = event(ids.get(0));
            while (refused.attempts == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                refused = event(ids.get(0));
            }
            assertThat(refused.status).isEqualTo(OutboxEvent.Status.PENDING);
            assertThat(refused.attempts).isPositive();
            assertThat(refused.lastError).contains("InvalidTopicException");
            // not marked published while an earlier event of its key is refused: it goes out again after that one
            assertThat(event(ids.get(1)).status).as("the later event of its key").isEqualTo(OutboxEvent.Status.PENDING);
            assertThat(event(ids.get(2)).status).isEqualTo(OutboxEvent.Status.PUBLISHED);
        } finally {
            // taken out of the relay's way, so that it does not retry them for the rest of the tests
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.update("status = ?1 where eventKey = ?2", OutboxEvent.Status.PUBLISHED, key));
        }
    }

    private static OutboxEvent event(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult());
    }
}
