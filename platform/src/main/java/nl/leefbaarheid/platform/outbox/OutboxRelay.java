package nl.leefbaarheid.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.kafka.KafkaClients;
import nl.leefbaarheid.platform.work.Wakeable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, oldest first, as CloudEvents in binary mode. A batch is sent whole, then each
 * acknowledged record is marked published, except one after an unacknowledged record of the same key: it stays
 * pending and goes out again after that record in a later run. So nothing is lost while Kafka is away, and a key that
 * did get through is not sent twice because another one did not. Delivery is at least once: consumers recognise a
 * repeated event by its id, and so take its first arrival; for a key's events to arrive first in their order, a later
 * event must not reach Kafka while an earlier one of its key does not. Hence: an event refused as it is sent (no
 * metadata of its topic, an invalid or too large record) keeps the later events of its key out of the run (and a topic
 * without metadata in time keeps its other events out too, rather than each waiting as long again); and after a
 * run with a failure (the broker away, or coming back) the next run sends its first event alone and sends the rest only
 * once the broker has acknowledged it, so that while the broker is away one event at a time waits for it, and none of a
 * run can slip through ahead of an earlier one as the broker comes back. (A broker that goes away in the middle of a run
 * fails the run's records together, as their delivery times out.)
 *
 * <p>An event Kafka refuses for good {@code leefbaarheid.outbox.max-attempts} times (an error Kafka does not call
 * retriable, such as a record too large for the topic or an invalid topic name) is set aside ({@code SET_ASIDE}): counted
 * in {@code outbox.set.aside}, listed and retried by an admin ({@link OutboxResource}), and no longer holding back its
 * key. The later events of its key then go out in their order, and the set-aside event arrives after them if an admin
 * retries it: its consumers see it late, and never wait for it. A broker that is away (retriable errors, time-outs)
 * never sets an event aside: its events wait, however long, and {@code outbox.oldest.pending.age} shows for how long.
 *
 * <p>The relay runs as soon as a transaction with events commits ({@link #wake()}), and every second for what no
 * wake-up announced. Of several replicas of a service only one publishes at a time: each run holds a PostgreSQL advisory
 * lock for its transaction, so two relays never send one key's events out of order; the others skip their run.
 */
@ApplicationScoped
@IfBuildProperty(name = "leefbaarheid.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    PlatformConfig settings;

    @Inject
    KafkaClients kafka;

    private volatile KafkaProducer<String, String> producer;

    /** Whether the last run had a failure (or there was none yet): then the next run starts with one event alone. */
    private volatile boolean lastRunFailed = true;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Wakeable worker = new Wakeable("outbox-relay", this::relay);

    @Inject
    void registerGauges(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, relay -> relay.count("status = 'PENDING'"))
                .description("Events in the outbox not yet published to Kafka").register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, OutboxRelay::oldestPendingAge).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox (0 when none waits)").register(registry);
        Gauge.builder("outbox.set.aside", this, relay -> relay.count("status = 'SET_ASIDE'"))
                .description("Events set aside after refusals: an admin retries them (/api/v1/outbox/set-aside)").register(registry);
    }

    /**
     * Publishes now: called when a transaction that wrote events has committed. Runs on the relay's own thread, one
     * run at a time (so the events of this instance go out in order); a wake-up during a run gives one more run.
     */
    public void wake() {
        worker.wake();
    }

    /** Publishes once the current transaction, which wrote events, has committed. */
    void wakeAfterCommit() {
        worker.wakeAfterCommit(transactions);
    }

    /** Picks up what no wake-up announced: events of a failed run, or written before this instance started. */
    @Scheduled(every = "${leefbaarheid.outbox.interval:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void relay() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::publishBatch) == settings.outbox().batchSize()) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused: %s", e.getMessage());
        }
    }

    /**
     * Publishes one batch, in the caller's transaction; returns how many events it published. The events are read and
     * marked over plain JDBC: the relay carries every event of the platform, and as entities each one cost more in the
     * ORM (hydration, the persistence context, the dirty check at commit) than in the database.
     */
    int publishBatch() {
        return em.unwrap(Session.class).doReturningWork(this::publishBatch);
    }

    private int publishBatch(Connection connection) throws SQLException {
        if (!activeRelay(connection)) {
            return 0;
        }
        List<Pending> batch = pending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(Collections.nCopies(batch.size(), null));
        Set<String> held = new HashSet<>(); // keys of an event refused as it was sent: their later events are not sent
        Set<String> unknownTopics = new HashSet<>(); // no metadata in time: each send to it would wait as long again
        boolean probe = lastRunFailed; // after a failure the first event goes alone: see the class comment
        lastRunFailed = true;
        try {
            for (int i = 0; i < batch.size(); i++) {
                Pending event = batch.get(i);
                if (held.contains(event.key()) || unknownTopics.contains(event.topic())) {
                    continue;
                }
                Future<RecordMetadata> future = producer().send(toRecord(event));
                sent.set(i, future);
                if (future.isDone() && !acknowledged(future)) {
                    held.add(event.key()); // refused at once: no metadata of the topic, an invalid or too large record
                    if (failure(future) instanceof TimeoutException) {
                        unknownTopics.add(event.topic()); // a topic that does not exist, or a broker that is away
                    }
                } else if (probe && i == 0 && !acknowledged(future)) {
                    break; // the broker is still away: the rest waits for the next run
                }
            }
        } catch (RuntimeException e) {
            discardProducer();
            throw e;
        }
        List<Long> published = new ArrayList<>(batch.size());
        List<Long> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Long> setAside = new ArrayList<>();
        Set<String> waiting = new HashSet<>(); // keys with an unacknowledged event: their later events wait too
        for (int i = 0; i < batch.size(); i++) {
            Pending event = batch.get(i);
            if (sent.get(i) == null || waiting.contains(event.key())) {
                continue; // not sent in this run, or after an unacknowledged event of its key
            }
            try {
                sent.get(i).get(30, TimeUnit.SECONDS);
                published.add(event.id());
            } catch (Exception e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                String reason = cause.toString();
                failed.add(event.id());
                reasons.add(reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                // a broker that is away (a retriable error, or no answer in time) never sets an event aside
                boolean refused = !(cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException);
                if (refused && event.attempts() + 1 >= settings.outbox().maxAttempts()) {
                    setAside.add(event.id()); // its key's later events no longer wait for it
                    LOG.errorf("Outbox event %s (%s, key %s) set aside after %d attempts: %s", event.eventId(), event.type(),
                            event.key(), event.attempts() + 1, reason);
                } else {
                    LOG.warnf("Outbox event %s not yet published (attempt %d): %s", event.eventId(), event.attempts() + 1, reason);
                }
                waiting.add(event.key());
            }
        }
        lastRunFailed = !waiting.isEmpty();
        if (!waiting.isEmpty()) {
            // A producer that lost records may still hold others of this run, and once the broker is back send them
            // after newer ones (seen after a broker restart): the next run starts afresh and resends in order.
            discardProducer();
            try (PreparedStatement update = connection.prepareStatement("""
                    update outbox_event o set attempts = o.attempts + 1, last_error = x.reason
                      from unnest(?::bigint[], ?::text[]) as x(id, reason) where o.id = x.id""")) {
                update.setArray(1, connection.createArrayOf("bigint", failed.toArray(Long[]::new)));
                update.setArray(2, connection.createArrayOf("text", reasons.toArray(String[]::new)));
                update.executeUpdate();
            }
            if (!setAside.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set status = 'SET_ASIDE' where id = any(?::bigint[])")) {
                    update.setArray(1, connection.createArrayOf("bigint", setAside.toArray(Long[]::new)));
                    update.executeUpdate();
                }
            }
        }
        if (!published.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_event set status = 'PUBLISHED', published_at = now() where id = any(?::bigint[])")) {
                update.setArray(1, connection.createArrayOf("bigint", published.toArray(Long[]::new)));
                update.executeUpdate();
            }
        }
        return published.size();
    }

    /**
     * Whether this run may publish: true for the one relay of the service that holds the advisory lock, until the
     * transaction ends. Another replica's relay, running at the same time, skips its run.
     */
    private boolean activeRelay(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "outbox-relay:" + source);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** Whether the broker acknowledged the record, waiting up to its delivery time-out. */
    private static boolean acknowledged(Future<RecordMetadata> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Throwable failure(Future<RecordMetadata> future) {
        try {
            future.get(0, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    /** An event waiting in the outbox, as the relay reads it. */
    private record Pending(long id, UUID eventId, String topic, String key, String type, String subject, String payload,
            Instant occurredAt, String traceParent, int attempts) {
    }

    /** The oldest waiting events, locked for this run; those another replica has locked are left to it. */
    private List<Pending> pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, event_key, event_type, subject, payload, occurred_at, trace_parent, attempts
                  from outbox_event where status = 'PENDING' order by id limit ? for update skip locked""")) {
            select.setInt(1, settings.outbox().batchSize());
            List<Pending> batch = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    batch.add(new Pending(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getObject(8, OffsetDateTime.class).toInstant(),
                            row.getString(9), row.getInt(10)));
                }
            }
            return batch;
        }
    }

    long count(String condition) {
        try {
            return ((Number) em.createNativeQuery("select count(*) from outbox_event where " + condition).getSingleResult())
                    .longValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    double oldestPendingAge() {
        try {
            Object age = em.createNativeQuery("select extract(epoch from now() - min(occurred_at)) from outbox_event"
                    + " where status = 'PENDING'").getSingleResult();
            return age == null ? 0 : ((Number) age).doubleValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private ProducerRecord<String, String> toRecord(Pending event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId().toString());
        header(headers, "ce_type", event.type());
        header(headers, "ce_source", "/" + source);
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        header(headers, "content-type", "application/json");
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        if (event.traceParent() != null) {
            header(headers, "traceparent", event.traceParent());
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = kafka.producer("outbox", Map.of(
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 1,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000));
                }
            }
        }
        return producer;
    }

    private synchronized void discardProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    void close(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop(10);
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
