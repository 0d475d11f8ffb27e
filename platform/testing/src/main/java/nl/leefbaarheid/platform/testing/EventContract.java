package nl.leefbaarheid.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A consumer's classes of the events it reads from a topic, checked against the producer's contract (its AsyncAPI document
 * in deploy/contracts/asyncapi): every field the consumer reads is in the producer's payload with a type that fits, the
 * fields it cannot do without are required there, and the producer's examples read into its classes. A change on the
 * producer's side that would break the consumer fails the consumer's build. A subclass in the consuming service names the
 * document, the topic and its classes.
 */
public abstract class EventContract {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The producer may add fields: a consumer reads what it knows. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A class of the consumer, its event type, and the fields the consumer cannot do without. */
    public record Read(Class<? extends Record> type, String eventType, Set<String> needed) {
    }

    /** The producer's document, e.g. {@code ../deploy/contracts/asyncapi/evaluation-service.yaml}. */
    protected abstract Path contract();

    /** The topic the consumer reads. */
    protected abstract String topic();

    /** The consumer's classes of the topic's events. */
    protected abstract List<Read> reads();

    @Test
    public void theTopicIsTheProducersChannelOfTheseEvents() throws IOException {
        JsonNode contract = YAML.readTree(contract().toFile());
        JsonNode channel = channelOf(contract, topic());
        assertThat(channel).as("a channel with address " + topic()).isNotNull();
        List<String> titles = new ArrayList<>();
        channel.path("messages").forEach(ref -> titles.add(message(contract, ref).path("title").asText()));
        assertThat(titles).containsAll(reads().stream().map(Read::eventType).toList());
    }

    @Test
    public void everyFieldThisServiceReadsIsInTheProducersPayloadWithATypeThatFits() throws IOException {
        JsonNode contract = YAML.readTree(contract().toFile());
        for (Read read : reads()) {
            JsonNode payload = messageTitled(contract, read.eventType()).path("payload");
            for (RecordComponent field : read.type().getRecordComponents()) {
                JsonNode property = payload.path("properties").path(field.getName());
                assertThat(property.isMissingNode()).as(read.eventType() + " has " + field.getName()).isFalse();
                assertThat(types(property)).as(read.eventType() + "." + field.getName() + " fits " + field.getType().getSimpleName())
                        .containsAnyElementsOf(jsonTypes(field.getType()));
            }
            List<String> required = new ArrayList<>();
            payload.path("required").forEach(r -> required.add(r.asText()));
            assertThat(required).as(read.eventType() + " requires what this service needs").containsAll(read.needed());
        }
    }

    @Test
    public void theProducersExamplesReadIntoThisServicesClasses() throws IOException {
        JsonNode contract = YAML.readTree(contract().toFile());
        for (Read read : reads()) {
            JsonNode examples = messageTitled(contract, read.eventType()).path("examples");
            assertThat(examples.size()).as(read.eventType() + " examples").isPositive();
            for (JsonNode example : examples) {
                Record event = JSON.treeToValue(example.path("payload"), read.type());
                for (String field : read.needed()) {
                    assertThat(example.path("payload").has(field)).as(read.eventType() + " example has " + field).isTrue();
                }
                assertThat(event).isNotNull();
            }
        }
    }

    static JsonNode channelOf(JsonNode contract, String address) {
        for (JsonNode channel : contract.path("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    static JsonNode messageTitled(JsonNode contract, String title) {
        for (JsonNode message : contract.path("components").path("messages")) {
            if (title.equals(message.path("title").asText())) {
                return message;
            }
        }
        throw new AssertionError("the producer's contract has no message " + title);
    }

    /** A message of a channel: a local reference (#/components/messages/x) or inline. */
    static JsonNode message(JsonNode contract, JsonNode ref) {
        String pointer = ref.path("$ref").asText("");
        return pointer.startsWith("#") ? contract.at(pointer.substring(1)) : ref;
    }

    static List<String> types(JsonNode property) {
        List<String> types = new ArrayList<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(property.path("type").asText());
        }
        return types;
    }

    static final Map<Class<?>, List<String>> JSON_TYPES = Map.ofEntries(Map.entry(String.class, List.of("string")),
            Map.entry(Integer.class, List.of("integer")), Map.entry(int.class, List.of("integer")), Map.entry(Long.class, List.of("integer")),
            Map.entry(long.class, List.of("integer")), Map.entry(BigDecimal.class, List.of("number", "integer")),
            Map.entry(Double.class, List.of("number", "integer")), Map.entry(Boolean.class, List.of("boolean")),
            Map.entry(boolean.class, List.of("boolean")), Map.entry(UUID.class, List.of("string")), Map.entry(LocalDate.class, List.of("string")),
            Map.entry(Instant.class, List.of("string")), Map.entry(List.class, List.of("array")));

    static List<String> jsonTypes(Class<?> type) {
        List<String> types = JSON_TYPES.get(type);
        assertThat(types).as("a JSON type for " + type).isNotNull();
        return types;
    }
}
