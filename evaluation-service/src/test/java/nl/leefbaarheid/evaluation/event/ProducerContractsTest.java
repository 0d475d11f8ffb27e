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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * This service's classes of the events it reads from other services (the area registry of neighbourhood-service, the
 * deployments workshop actions ask for in partner-service), checked against each producer's contract
 * (deploy/contracts/asyncapi): every field it reads is in the producer's payload with a type that fits, the fields it cannot
 * do without are required there, and the producer's examples read into its classes. A change on the producer's side that
 * would break this consumer fails this build.
 */
class ProducerContractsTest {

    static final String CONTRACTS = "../deploy/contracts/asyncapi/";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The producer may add fields: a consumer reads what it knows. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * Each class, the producer's contract and topic, its event type, and the fields this service cannot do without
     * (ReferenceData and DeploymentService refuse an event without them).
     */
    record Read(String producer, String topic, Class<? extends Record> type, String eventType, Set<String> needed) {

        JsonNode contract() throws IOException {
            return YAML.readTree(Path.of(CONTRACTS + producer + ".yaml").toFile());
        }
    }

    static final List<Read> READ = List.of(
            new Read("neighbourhood-service", AreaRegistered.TOPIC, AreaRegistered.class, AreaRegistered.TYPE,
                    Set.of("code", "year", "level", "name")),
            new Read("neighbourhood-service", AreaRegistered.TOPIC, ComplexRegistered.class, ComplexRegistered.TYPE,
                    Set.of("corporationId", "complexId", "neighbourhoodCode", "name")),
            new Read("neighbourhood-service", AreaRegistered.TOPIC, IndicatorDefined.class, IndicatorDefined.TYPE, Set.of("code")),
            new Read("partner-service", "partner.workshop-actions.v1", DeploymentRequested.class, DeploymentRequested.TYPE,
                    Set.of("deploymentId", "corporationId", "interventionId", "areaCode", "owner", "startDate", "plannedEndDate")));

    @Test
    void theTopicIsTheProducersChannelOfTheseEvents() throws IOException {
        for (Read read : READ) {
            JsonNode contract = read.contract();
            JsonNode channel = channelOf(contract, read.topic());
            assertThat(channel).as(read.producer() + ": a channel with address " + read.topic()).isNotNull();
            List<String> titles = new ArrayList<>();
            channel.path("messages").forEach(ref -> titles.add(message(contract, ref).path("title").asText()));
            assertThat(titles).contains(read.eventType());
        }
    }

    @Test
    void everyFieldThisServiceReadsIsInTheProducersPayloadWithATypeThatFits() throws IOException {
        for (Read read : READ) {
            JsonNode contract = read.contract();
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
        for (Read read : READ) {
            JsonNode contract = read.contract();
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
            Map.entry(BigDecimal.class, List.of("number", "integer")), Map.entry(Double.class, List.of("number", "integer")),
            Map.entry(Boolean.class, List.of("boolean")), Map.entry(boolean.class, List.of("boolean")),
            Map.entry(UUID.class, List.of("string")), Map.entry(LocalDate.class, List.of("string")), Map.entry(Instant.class, List.of("string")),
            Map.entry(List.class, List.of("array")));

    static List<String> jsonTypes(Class<?> type) {
        List<String> types = JSON_TYPES.get(type);
        assertThat(types).as("a JSON type for " + type).isNotNull();
        return types;
    }
}
