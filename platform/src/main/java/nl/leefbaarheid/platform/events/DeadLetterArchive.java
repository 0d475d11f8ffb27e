package nl.leefbaarheid.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.sql.SqlRows;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps what lands on the service's dead-letter topic in its {@code dead_letter} table, whoever sent it there (the batch
 * consumers through {@link DeadLetters}, the single-record consumers through SmallRye's dead-letter-queue strategy; both
 * add the {@code dead-letter-*} headers): so an admin can see why each record was refused and replay it after a fix
 * ({@link DeadLetterResource}). Reads the topic on channel {@code dead-letters}, which each consuming service configures;
 * a record read twice (the archive's offsets not yet committed) is stored once.
 */
@ApplicationScoped
@IfBuildProperty(name = "leefbaarheid.dead-letters.enabled", stringValue = "true")
public class DeadLetterArchive {

    static final String PREFIX = "dead-letter-";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    PlatformConfig settings;

    private Counter archived;

    @Inject
    void registerMeters(MeterRegistry registry) {
        archived = Counter.builder("dead.letters.archived").description("Records that landed on the dead-letter topic")
                .register(registry);
        Gauge.builder("dead.letters.waiting", this, DeadLetterArchive::waiting)
                .description("Dead letters not replayed yet (/api/v1/dead-letters)").register(registry);
    }

    @Incoming("dead-letters")
    @Blocking
    public void archive(ConsumerRecord<String, String> record) {
        boolean stored = Retry.whileTransient(() -> QuarkusTransaction.requiringNew().call(() -> store(record)),
                settings.events().retryFor());
        if (stored) {
            archived.increment();
        }
    }

    boolean store(ConsumerRecord<String, String> record) {
        Map<String, String> original = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX) && header.value() != null) {
                original.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String topic = header(record, "topic");
        Long partition = number(header(record, "partition"));
        Long offset = number(header(record, "offset"));
        String reason = header(record, "reason");
        String cause = header(record, "cause");
        if (cause != null && (reason == null || !reason.contains(cause))) {
            reason = reason == null ? cause : reason + " (" + cause + ")";
        }
        return SqlRows.update(em, """
                insert into dead_letter (topic, source_partition, source_offset, record_key, event_id, event_type, reason,
                                         payload, headers, dead_at, dlq_partition, dlq_offset)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (dlq_partition, dlq_offset) do nothing""",
                Arrays.asList(topic == null ? record.topic() : topic,
                        partition == null ? null : partition.intValue(), offset, record.key(), original.get("ce_id"),
                        original.get("ce_type"), truncate(reason == null ? "no reason given" : reason), record.value(),
                        write(original), OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC),
                        record.partition(), record.offset())) == 1;
    }

    double waiting() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> SqlRows.query(em,
                    "select count(*) from dead_letter where replayed_at is null", List.of(), row -> row.getLong(1)).get(0));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(PREFIX + name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
