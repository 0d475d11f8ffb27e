package nl.leefbaarheid.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The span of a consumed record's processing, in the trace the record came with (its {@code traceparent} header). A
 * batch consumer starts one per record and ends them when the batch is done, so each record's work keeps its own
 * trace, as it does in a consumer of single records.
 */
public final class ProcessingSpans {

    private ProcessingSpans() {
    }

    public static Span start(Tracer tracer, ConsumerRecord<String, String> record) {
        return tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS))
                .setAttribute("messaging.kafka.offset", record.offset()).startSpan();
    }

    private static final TextMapGetter<ConsumerRecord<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, String> record) {
            List<String> keys = new ArrayList<>();
            record.headers().forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<String, String> record, String key) {
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
}
