package nl.leefbaarheid.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.leefbaarheid.platform.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Sends records a batch consumer cannot use to its dead-letter topic, as SmallRye's dead-letter-queue strategy does for
 * a consumer of single records: the key, value and headers as they were, plus {@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}. A batch cannot be refused
 * as a whole for one bad record, so the consumer hands over the bad ones and goes on with the rest. Whatever lands on a
 * service's dead-letter topic, from here or from SmallRye's strategy, is kept in its archive ({@link DeadLetterArchive}),
 * where an admin sees and replays it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    KafkaClients kafka;

    private KafkaProducer<String, String> producer;

    /** A record and why it cannot be used. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason) {
    }

    /**
     * Sends them in the order of their offsets and waits until the broker has them all; while it is away, tries again
     * (the consumer's offsets are committed only after this, so nothing is skipped).
     */
    public synchronized void send(String topic, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<DeadLetter> ordered = new ArrayList<>(letters);
        ordered.sort(Comparator.comparing((DeadLetter d) -> d.record().partition()).thenComparing(d -> d.record().offset()));
        ordered.forEach(d -> LOG.warnf("%s[%d]@%d goes to %s: %s", d.record().topic(), d.record().partition(), d.record().offset(),
                topic, d.reason()));
        long pauseMillis = 200;
        while (true) {
            try {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (DeadLetter letter : ordered) {
                    sent.add(producer().send(toRecord(topic, letter)));
                }
                for (Future<RecordMetadata> future : sent) {
                    future.get(30, TimeUnit.SECONDS);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to " + topic, e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.warnf("could not send to %s (%s); trying again in %d ms", topic, e.getMessage(), pauseMillis);
                if (producer != null) {
                    producer.close(Duration.ZERO);
                    producer = null;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending to " + topic, interrupted);
                }
                pauseMillis = Math.min(pauseMillis * 2, 5_000);
            }
        }
    }

    private static ProducerRecord<String, String> toRecord(String topic, DeadLetter letter) {
        ConsumerRecord<String, String> record = letter.record();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dead-letter-reason", letter.reason());
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer("dead-letters", Map.of(ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
