package nl.leefbaarheid.neighbourhood.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.event.MeasurementCorrected;
import nl.leefbaarheid.neighbourhood.event.MeasurementEvent;
import nl.leefbaarheid.neighbourhood.event.MeasurementRecorded;
import nl.leefbaarheid.neighbourhood.event.MeasurementWithdrawn;
import nl.leefbaarheid.neighbourhood.service.MeasurementService.Received;
import nl.leefbaarheid.neighbourhood.service.MeasurementService;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.events.DeadLetters.DeadLetter;
import nl.leefbaarheid.platform.events.DeadLetters;
import nl.leefbaarheid.platform.events.IncomingEvent.UnreadableEventException;
import nl.leefbaarheid.platform.events.IncomingEvent;
import nl.leefbaarheid.platform.events.ProcessingSpans;
import nl.leefbaarheid.platform.events.Retry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code evaluation.measurements.v1} in batches (what one poll returns): measurements recorded, corrected and
 * withdrawn. The changes of a batch are stored in one transaction and each affected area is recalculated once. The offsets are committed only after that;
 * a record that cannot be read or used goes to the dead-letter topic and the rest goes on; while the database is away
 * the same batch is retried, never skipped.
 */
@ApplicationScoped
public class MeasurementListener {

    private static final Logger LOG = Logger.getLogger(MeasurementListener.class);

    /** The event types this consumer reads, and the class of each. */
    static final Map<String, Class<? extends MeasurementEvent>> TYPES = Map.of(MeasurementRecorded.TYPE, MeasurementRecorded.class,
            MeasurementCorrected.TYPE, MeasurementCorrected.class, MeasurementWithdrawn.TYPE, MeasurementWithdrawn.class);

    @Inject
    PlatformConfig settings;

    @Inject
    ObjectMapper json;

    @Inject
    MeasurementService measurements;

    @Inject
    DeadLetters deadLetters;

    @ConfigProperty(name = "mp.messaging.incoming.measurements.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    Tracer tracer;

    @Incoming("measurements")
    @Blocking // ordered: one batch at a time per channel, so order per area holds
    public void consume(ConsumerRecords<String, String> records) {
        List<DeadLetter> dead = new ArrayList<>();
        List<Readable> readable = new ArrayList<>();
        List<Received> batch = new ArrayList<>(); // batch.get(i) was read from readable.get(i)
        List<Span> spans = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> record : records) {
                // each record's processing is a span in the trace it came with, lasting as long as its batch
                Span span = ProcessingSpans.start(tracer, record);
                spans.add(span);
                try {
                    batch.add(read(record, traceParent(span)));
                    readable.add(new Readable(record, span));
                } catch (UnreadableEventException e) {
                    dead.add(new DeadLetter(record, e.getMessage()));
                }
            }
            if (!batch.isEmpty()) {
                MeasurementService.Outcome outcome = Retry.whileTransient(() -> measurements.recordAll(batch), settings.events().retryFor());
                outcome.invalid().forEach((index, reason) -> dead.add(new DeadLetter(readable.get(index).record(), reason)));
                for (int i = 0; i < batch.size(); i++) {
                    if (!outcome.invalid().containsKey(i)) {
                        try (Scope scope = readable.get(i).span().makeCurrent()) { // the log line carries its trace id
                            LOG.infof("%s %s of %s processed, in a batch of %d", batch.get(i).measurement().getClass().getSimpleName(),
                                    batch.get(i).measurement().measurementId(),
                                    batch.get(i).measurement().areaCode(), records.count());
                        }
                    }
                }
            }
            deadLetters.send(deadLetterTopic, dead);
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** A record that could be read, and the span of its processing. */
    private record Readable(ConsumerRecord<String, String> record, Span span) {
    }

    private static String traceParent(Span span) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier, Map::put);
        return carrier.get("traceparent");
    }

    private Received read(ConsumerRecord<String, String> record, String traceParent) {
        IncomingEvent event = IncomingEvent.of(record);
        Class<? extends MeasurementEvent> type = TYPES.get(event.type());
        if (type == null) {
            throw new UnreadableEventException("unknown event type " + event.type() + "; this consumer reads "
                    + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
        }
        try {
            return new Received(event.id(), json.readValue(event.data(), type), traceParent);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("event " + event.id() + " has unreadable data: " + e.getOriginalMessage(), e);
        }
    }
}
