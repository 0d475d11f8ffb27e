package nl.leefbaarheid.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Reads deploy/compose and deploy/k8s and checks every service, port, probe path, database and environment
 * variable they name against the services' application.properties and the local topic list.
 */
class DeploymentManifestsTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("catalog-service", "neighbourhood-service", "evaluation-service",
            "partner-service");
    static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeRunsEveryServiceOnItsOwnPortWithKnownSettings() throws IOException {
        JsonNode services = YAML.readTree(ROOT.resolve("deploy/compose/compose.yaml").toFile()).get("services");
        for (String service : SERVICES) {
            JsonNode definition = services.get(service);
            assertThat(definition).as("compose service %s", service).isNotNull();
            Properties config = config(service);
            String port = config.getProperty("quarkus.http.port");
            assertThat(definition.get("ports").get(0).asText()).isEqualTo(port + ":" + port);
            assertThat(definition.at("/build/args/SERVICE").asText()).isEqualTo(service);
            Map<String, String> env = new HashMap<>();
            definition.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            assertThat(env).containsEntry("QUARKUS_HTTP_PORT", port);
            assertKnownSettings(service, env.keySet(), Set.of());
            String database = databaseOf(config);
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/" + database);
            assertThat(definition.at("/healthcheck/test").toString()).contains("/" + port).contains("/q/health/ready");
        }
    }

    @Test
    void composeCreatesEveryDatabaseAndTopicTheServicesUse() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/compose/init-databases.sql"));
        for (String service : SERVICES) {
            assertThat(init).contains("create database " + databaseOf(config(service)) + ";");
        }
        JsonNode topics = YAML.readTree(ROOT.resolve("deploy/compose/compose.yaml").toFile()).at("/services/kafka-topics");
        assertThat(topics.get("volumes").toString()).contains("../local/kafka/topics.txt");
        Set<String> listed = topicList();
        for (String service : SERVICES) {
            for (String topic : topicsConfigured(config(service))) {
                assertThat(listed).as("topic %s of %s", topic, service).contains(topic);
            }
        }
    }

    @Test
    void kustomizationListsEveryServiceManifest() throws IOException {
        JsonNode kustomization = YAML.readTree(ROOT.resolve("deploy/k8s/base/kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.get("resources").forEach(r -> resources.add(r.asText()));
        for (String resource : resources) {
            assertThat(ROOT.resolve("deploy/k8s/base").resolve(resource)).exists();
        }
        for (String service : SERVICES) {
            assertThat(resources).contains(service + ".yaml");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "catalog-service", "neighbourhood-service", "evaluation-service", "partner-service" })
    void kubernetesDeploymentMatchesTheServiceConfiguration(String service) throws IOException {
        List<JsonNode> documents = documents(ROOT.resolve("deploy/k8s/base/" + service + ".yaml"));
        JsonNode deployment = documents.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow();
        JsonNode svc = documents.stream().filter(d -> d.path("kind").asText().equals("Service")).findFirst().orElseThrow();
        Properties config = config(service);
        int port = Integer.parseInt(config.getProperty("quarkus.http.port"));

        assertThat(deployment.at("/metadata/name").asText()).isEqualTo(service);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(port);
        assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(port);
        assertThat(svc.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(HEALTH_PATHS).contains(container.at("/" + probe + "/httpGet/path").asText());
        }
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");

        Set<String> env = new LinkedHashSet<>();
        container.get("env").forEach(e -> env.add(e.get("name").asText()));
        Map<String, String> values = new HashMap<>();
        container.get("env").forEach(e -> values.put(e.get("name").asText(), e.path("value").asText()));
        assertThat(values).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(port));
        assertThat(values.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith("/" + databaseOf(config));

        Set<String> fromConfigMap = new LinkedHashSet<>();
        documents(ROOT.resolve("deploy/k8s/base/config.yaml")).forEach(d -> {
            JsonNode data = d.has("data") ? d.get("data") : d.get("stringData");
            data.fieldNames().forEachRemaining(fromConfigMap::add);
        });
        env.addAll(fromConfigMap);
        // Variables used only to build another variable's value, like $(POSTGRES_HOST).
        Set<String> substitutions = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\((\\w+)\\)").matcher(values.values().toString());
        while (m.find()) {
            substitutions.add(m.group(1));
        }
        assertKnownSettings(service, env, substitutions);
    }

    /** Each variable must set a property the service has, or fill a ${VARIABLE} its properties use. */
    private static void assertKnownSettings(String service, Set<String> variables, Set<String> substitutions)
            throws IOException {
        Properties config = config(service);
        String raw = Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties"));
        Set<String> properties = new LinkedHashSet<>();
        config.stringPropertyNames().forEach(p -> properties.add(p.replaceFirst("^%[\\w,]+\\.", "")));
        for (String variable : variables) {
            if (substitutions.contains(variable) || raw.contains("${" + variable + "}")) {
                continue;
            }
            String property = variable.toLowerCase().replace('_', '.');
            assertThat(properties.stream().map(p -> p.replace('-', '.')))
                    .as("%s: environment variable %s sets no property of the service", service, variable)
                    .contains(property);
        }
    }

    private static Properties config(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static String databaseOf(Properties config) {
        String url = config.getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static Set<String> topicList() throws IOException {
        Set<String> topics = new LinkedHashSet<>();
        try (Stream<String> lines = Files.lines(ROOT.resolve("deploy/local/kafka/topics.txt"))) {
            lines.filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> topics.add(l.trim().split("\\s+")[0]));
        }
        return topics;
    }

    private static Set<String> topicsConfigured(Properties config) {
        Set<String> topics = new LinkedHashSet<>();
        config.stringPropertyNames().stream()
                .filter(p -> p.endsWith(".topic") && p.startsWith("mp.messaging."))
                .forEach(p -> topics.add(config.getProperty(p)));
        return topics;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            JsonMapper mapper = new JsonMapper();
            while (parser.nextToken() != null) {
                documents.add(mapper.readTree(parser));
            }
        }
        return documents;
    }
}
