package nl.leefbaarheid.evaluation.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * This service's classes of the events it reads from neighbourhood.areas.v1, checked against the producer's contract
 * (deploy/contracts/asyncapi/neighbourhood-service.yaml): every field it reads is in the producer's payload with a type
 * that fits, the fields it cannot do without are required there, and the producer's examples read into its classes. A
 * change on the producer's side that would break this consumer fails this build.
 */
class NeighbourhoodEventsContractTest {

    static final Path CONTRACT = Path.of("../deploy/contracts/asyncapi/neighbourhood-service.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The producer may add fields: a consumer reads what it knows. */
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Each class, its event type, and the fields this service cannot do without (ReferenceData refuses an event without them). */
    record Read(Class<? extends Record> type, String eventType, Set<String> needed) {
    }

    static final List<Read> READ = List.of(
            new Read(AreaRegistered.class, AreaRegistered.TYPE, Set.of("code", "year", "level", "name")),
            new Read(ComplexRegistered.class, ComplexRegistered.TYPE, Set.of("corporationId", "complexId", "neighbourhoodCode", "name")),
            new Read(IndicatorDefined.class, IndicatorDefined.TYPE, Set.of("code")));

    @Test
    void theTopicIsTheProducersChannelOfTheseEvents() throws IOException {
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        JsonNode channel = channelOf(contract, AreaRegistered.TOPIC);
        assertThat(channel).as("a channel with address " + AreaRegistered.TOPIC).isNotNull();
        List<String> titles = new ArrayList<>();
        channel.path("messages").forEach(ref -> titles.add(message(contract, ref).path("title").asText()));
        assertThat(titles).containsAll(READ.stream().map(Read::eventType).toList());
    }

    @Test
    void everyFieldThisServiceReadsIsInTheProducersPayloadWithATypeThatFits() throws IOException {
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        for (Read read : READ) {
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
    void theProducersExamplesReadIntoThisServicesClasses() throws IOException {
        JsonNode contract = YAML.readTree(CONTRACT.toFile());
        for (Read read : READ) {
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

    static final Map<Class<?>, List<String>> JSON_TYPES = Map.of(String.class, List.of("string"), Integer.class, List.of("integer"),
            int.class, List.of("integer"), BigDecimal.class, List.of("number", "integer"), Double.class, List.of("number", "integer"),
            Boolean.class, List.of("boolean"), boolean.class, List.of("boolean"));

    static List<String> jsonTypes(Class<?> type) {
        List<String> types = JSON_TYPES.get(type);
        assertThat(types).as("a JSON type for " + type).isNotNull();
        return types;
    }
}
