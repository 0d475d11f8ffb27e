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
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.work.Wakeable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, oldest first, as CloudEvents in binary mode. A batch is sent whole, then each
 * acknowledged record is marked published, except one after an unacknowledged record of the same key: it stays
 * pending (although it may have arrived) and goes out again after that record in a later run. So nothing is lost while
 * Kafka is away, a key's events arrive again in order behind the one that failed, and a key that did get through is
 * not sent twice because another one did not. Delivery is at least once: consumers recognise a repeated event by its id. The relay runs as soon as a transaction with events commits
 * ({@link #wake()}), and every second for what no wake-up announced; replicas share the work through
 * {@code for update skip locked}.
 */
@ApplicationScoped
@IfBuildProperty(name = "leefbaarheid.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    PlatformConfig settings;

    private volatile KafkaProducer<String, String> producer;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Wakeable worker = new Wakeable("outbox-relay", this::relay);

    @Inject
    void registerBacklogGauge(MeterRegistry registry) {
        Gauge.builder("outbox.backlog", this, relay -> relay.backlog())
                .description("Events in the outbox not yet published to Kafka").register(registry);
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
        List<Pending> batch = pending(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        try {
            for (Pending event : batch) {
                sent.add(producer().send(toRecord(event)));
            }
        } catch (RuntimeException e) {
            discardProducer();
            throw e;
        }
        List<Long> published = new ArrayList<>(batch.size());
        List<Long> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Set<String> waiting = new HashSet<>(); // keys with an unacknowledged event: their later events wait too
        for (int i = 0; i < batch.size(); i++) {
            Pending event = batch.get(i);
            if (waiting.contains(event.key())) {
                continue;
            }
            try {
                sent.get(i).get(30, TimeUnit.SECONDS);
                published.add(event.id());
            } catch (Exception e) {
                String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
                failed.add(event.id());
                reasons.add(reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                LOG.warnf("Outbox event %s not yet published (attempt %d): %s", event.eventId(), event.attempts() + 1, reason);
                waiting.add(event.key());
            }
        }
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

    long backlog() {
        try {
            return ((Number) em.createNativeQuery("select count(*) from outbox_event where status = 'PENDING'")
                    .getSingleResult()).longValue();
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
                    Properties config = new Properties();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, source + "-outbox");
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(config);
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
