package nl.leefbaarheid.evaluation.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.leefbaarheid.platform.retention.Retention;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.junit.jupiter.api.Test;

/** The bookkeeping tables stay bounded: what is older than its window goes, what is younger or still waiting stays. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @Test
    void publishedEventsProcessedIdsAndIdempotencyAnswersGoAfterTheirWindowsAndNothingElse() {
        String tag = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            // windows in %test as in production: 7 days, 30 days, 24 hours
            outboxEvent(tag + "-old-published", "PUBLISHED", "now() - interval '8 days'");
            outboxEvent(tag + "-young-published", "PUBLISHED", "now() - interval '6 days'");
            outboxEvent(tag + "-old-pending", "PENDING", "null");
            outboxEvent(tag + "-old-set-aside", "SET_ASIDE", "null");
            update("insert into processed_event (consumer, event_id, processed_at) values (?, ?, now() - interval '31 days'),"
                    + " (?, ?, now() - interval '29 days')", tag, "old", tag, "young");
            update("insert into idempotent_request (caller, idempotency_key, request_hash, status, body, created_at) values"
                    + " (?, 'old', 'h', 201, '{}', now() - interval '25 hours'), (?, 'young', 'h', 201, '{}', now() - interval '23 hours')",
                    tag, tag);
        });

        retention.apply(Instant.now());

        assertThat(column("select event_key from outbox_event where event_key like ? order by event_key", tag + "%"))
                .containsExactly(tag + "-old-pending", tag + "-old-set-aside", tag + "-young-published");
        assertThat(column("select event_id from processed_event where consumer = ?", tag)).containsExactly("young");
        assertThat(column("select idempotency_key from idempotent_request where caller = ?", tag)).containsExactly("young");
    }

    private void outboxEvent(String key, String status, String publishedAt) {
        update("insert into outbox_event (event_id, topic, event_key, event_type, payload, occurred_at, status, published_at)"
                + " values (?, 'not a topic!', ?, 'nl.leefbaarheid.test.v1', '{}', now() - interval '40 days', ?, "
                + publishedAt + ")", UUID.randomUUID(), key, status);
    }

    private void update(String sql, Object... parameters) {
        SqlRows.update(em, sql, List.of(parameters));
    }

    private List<String> column(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em, sql, List.of(parameter), row -> row.getString(1)));
    }
}
