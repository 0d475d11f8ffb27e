package nl.leefbaarheid.platform.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.jboss.logging.Logger;

/**
 * Keeps the platform's bookkeeping tables bounded: published outbox events, processed event ids and the answers
 * remembered for idempotency keys are deleted once they are older than their window ({@link PlatformConfig}). Each
 * service has the tables it needs; a table the service does not have is left alone. Deletes go a few thousand rows at a
 * time, each batch in a transaction of its own, so that the clean-up never holds long locks or a long transaction.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @Inject
    PlatformConfig settings;

    /** A table, the rows of it that are done with, and the column that says since when. */
    record Window(String table, String condition, String since, Duration keep) {
    }

    List<Window> windows() {
        return List.of(
                new Window("outbox_event", "status = 'PUBLISHED'", "published_at", settings.outbox().keepPublished()),
                new Window("processed_event", "true", "processed_at", settings.events().keepProcessed()),
                new Window("idempotent_request", "true", "created_at", settings.idempotency().keep()));
    }

    @Scheduled(every = "${leefbaarheid.retention.interval:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Map<String, Long> deleted = apply(Instant.now());
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                LOG.infof("Retention: deleted %s", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention skipped: %s", e.getMessage()); // the database away: the next run catches up
        }
    }

    /** Deletes what is older than its window at {@code now}; returns how many rows per table. */
    public Map<String, Long> apply(Instant now) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Window window : windows()) {
            if (!exists(window.table())) {
                continue;
            }
            OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(window.keep()), ZoneOffset.UTC);
            long total = 0;
            int n;
            do {
                // by physical address, a batch at a time: the table may hold millions of rows that are due
                String sql = "delete from " + window.table() + " where ctid = any(array(select ctid from " + window.table()
                        + " where " + window.condition() + " and " + window.since() + " < ? limit " + BATCH + "))";
                n = QuarkusTransaction.requiringNew().call(() -> SqlRows.update(em, sql, List.of(before)));
                total += n;
            } while (n == BATCH);
            deleted.put(window.table(), total);
        }
        return deleted;
    }

    private boolean exists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em, "select to_regclass(?) is not null",
                List.of(table), row -> row.getBoolean(1)).get(0));
    }
}
