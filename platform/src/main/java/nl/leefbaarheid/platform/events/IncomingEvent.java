package nl.leefbaarheid.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: the attributes in {@code ce_*} headers, the data as the
 * record value. A record without the required attributes is unreadable: the consumer refuses it and it
 * goes to the dead-letter topic.
 */
public record IncomingEvent(String id, String type, String source, String subject, String time, String key,
        String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id").orElseThrow(() -> new UnreadableEventException("no ce_id header"));
        String type = header(record, "ce_type").orElseThrow(() -> new UnreadableEventException("no ce_type header"));
        String source = header(record, "ce_source").orElse(null);
        if (record.value() == null || record.value().isBlank()) {
            throw new UnreadableEventException("event " + id + " has no data");
        }
        return new IncomingEvent(id, type, source, header(record, "ce_subject").orElse(null),
                header(record, "ce_time").orElse(null), record.key(), record.value());
    }

    private static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record cannot be read as an event this consumer knows; it is sent to the dead-letter topic. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
