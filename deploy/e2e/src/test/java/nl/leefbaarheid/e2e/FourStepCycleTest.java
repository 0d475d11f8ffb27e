package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.contractApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four-step cycle (research, zoom in, act, measure) through the public APIs of the four services, as a
 * corporation and its partners walk it: the status and the signals come about over the real Kafka broker. Every
 * call goes through a Prism proxy in --errors mode, so a request or answer that differs from the service's OpenAPI
 * document fails it (the contract check).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourStepCycleTest {

    static final Duration ASYNC = Duration.ofSeconds(60);

    static Town town;
    static WebhookReceiver receiver;

    @BeforeAll
    static void platform() throws Exception {
        Platform.start();
        Platform.startContractProxies();
        town = Town.create("Proefstad");
        receiver = new WebhookReceiver("e2e-geheim-" + town.municipality + "-0123456789");
    }

    @AfterAll
    static void closeReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void researchZoomInActAndMeasure() {
        String weak = town.weakNeighbourhood();
        String comparison = town.neighbourhoods.get(2);
        town.collaboration();
        town.webhook(receiver);

        // 1. Research: the Leefbaarometer file of the town, imported as the open data comes.
        contractApi("neighbourhood", town.admin).contentType("text/csv").body(town.leefbaarometerCsv())
                .post("/api/v1/observations/leefbaarometer").then().statusCode(200)
                .body("rows", equalTo(12)).body("recalculatedAreas", equalTo(4));

        // 2. Zoom in: the ranking puts the weak neighbourhood first; its status says which dimensions are weak.
        contractApi("neighbourhood", town.partnerToken()).queryParam("municipality", town.municipality).queryParam("by", "priority")
                .get("/api/v1/rankings").then().statusCode(200).body("totalItems", equalTo(4))
                .body("items[0].areaCode", equalTo(weak));
        JsonPath status = status(weak);
        List<String> signals = status.getList("status.signals");
        List<String> weakDimensions = new ArrayList<>();
        for (String dimension : List.of("won", "fys", "vrz", "soc", "onv")) {
            if (signals.contains(dimension + "-weak")) {
                weakDimensions.add(dimension);
            }
        }
        assertThat(weakDimensions).as("weak dimensions of " + weak).contains("soc", "onv");

        // 3. Act: what the toolbox recommends for those dimensions; the best fit that the tenant survey can measure.
        List<Map<String, Object>> recommended = contractApi("catalog", town.corporationToken())
                .queryParam("weakDimension", weakDimensions.toArray()).queryParam("partnerType", "municipality", "welfare")
                .queryParam("limit", 100).get("/api/v1/recommendations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(recommended).isNotEmpty();
        JsonPath intervention = null;
        for (Map<String, Object> candidate : recommended) {
            JsonPath read = contractApi("catalog", town.corporationToken()).get("/api/v1/interventions/{id}", candidate.get("interventionId"))
                    .then().statusCode(200).extract().jsonPath();
            if (read.getList("effectMeasurement.indicators").contains("tenant.feeling-at-home")) {
                intervention = read;
                break;
            }
        }
        assertThat(intervention).as("a recommended intervention measured by the tenant survey").isNotNull();
        String interventionId = intervention.getString("id");
        int finalMonths = intervention.getInt("effectMeasurement.finalMonths");
        LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(finalMonths + 1L);
        Map<String, Object> deployment = Map.of("interventionId", interventionId,
                "interventionRevision", intervention.getInt("revision"), "areaCode", weak, "owner", "Wijkconsulent Proefstad",
                "startDate", start.toString(), "plannedEndDate", start.plusMonths(finalMonths).toString(),
                "partners", List.of(town.welfarePartner), "comparisonAreas", List.of(comparison), "budget", 18000);
        JsonPath deployed = Eventually.await("the revision reached evaluation-service's read model",
                () -> contractApi("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(deployment)
                        .post("/api/v1/deployments").then().extract().jsonPath(),
                d -> d.getString("id") != null, ASYNC);
        String deploymentId = deployed.getString("id");
        assertThat(deployed.getString("corporationId")).isEqualTo(town.corporation);
        List<Map<String, Object>> plan = deployed.getList("plan");
        assertThat(plan).extracting(p -> p.get("slot")).contains("baseline", "final");

        // 4. Measure: baseline, interim and final in the neighbourhood and the comparison area, one at a time; after
        // each, the neighbourhood's status is recalculated and its partners get a signal.
        Map<String, Double> marks = Map.of("baseline", 6.0, "interim", 6.6, "final", 7.2);
        Map<String, Double> comparisonMarks = Map.of("baseline", 6.5, "interim", 6.6, "final", 6.6);
        for (int i = 0; i < plan.size(); i++) {
            String slot = (String) plan.get(i).get("slot");
            String period = Town.quarter(LocalDate.parse((String) plan.get(i).get("dueOn")));
            int before = status(weak).getInt("version");
            Instant computedBefore = Instant.parse(status(weak).getString("computedAt"));

            measure(deploymentId, weak, slot, period, marks.get(slot));
            JsonPath after = Eventually.await("the status of " + weak + " after the " + slot + " measurement",
                    () -> status(weak), s -> s.getInt("version") > before, ASYNC);
            assertThat(Instant.parse(after.getString("computedAt"))).isAfter(computedBefore);
            assertThat(after.getDouble("status.tenantExperience.mean")).isEqualTo(marks.get(slot));
            int version = after.getInt("version");
            JsonNode signal = receiver.await("status-changed of " + weak + " version " + version,
                    s -> s.path("type").asText().equals("status-changed") && s.path("areaCode").asText().equals(weak)
                            && s.path("version").asInt() == version, ASYNC);
            assertThat(signal.toString()).contains("tenantExperience");

            measure(deploymentId, comparison, slot, period, comparisonMarks.get(slot));
        }

        // Completing the deployment gives its effect beside the comparison area, and the partners hear of it.
        contractApi("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(Map.of("endDate", LocalDate.now().toString()))
                .post("/api/v1/deployments/{id}/complete", deploymentId).then().statusCode(200)
                .body("status", equalTo("completed"));
        // the welfare organisation works on it and reads the effect; the municipality is not involved in it
        JsonPath effect = contractApi("evaluation", Platform.partnerToken(town.welfarePartner))
                .get("/api/v1/deployments/{id}/effect", deploymentId).then().statusCode(200).extract().jsonPath();
        contractApi("evaluation", town.partnerToken()).get("/api/v1/deployments/{id}/effect", deploymentId).then().statusCode(404);
        assertThat(effect.getString("verdict")).isEqualTo("improved");
        assertThat(effect.getDouble("indicators[0].change")).isEqualTo(1.2);
        assertThat(effect.getDouble("indicators[0].comparisonChange")).isEqualTo(0.1);
        receiver.await("evaluation-completed of " + deploymentId,
                s -> s.path("type").asText().equals("evaluation-completed") && s.path("deploymentId").asText().equals(deploymentId),
                ASYNC);
        assertThat(receiver.refused()).isZero();

        // The partner's feed shows the same signals as its system received.
        List<String> feedTypes = contractApi("partner", town.partnerToken()).queryParam("size", 500).get("/api/v1/signals").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.areaCode == '" + weak + "' }.type");
        assertThat(feedTypes).contains("status-changed", "evaluation-completed");
    }

    @Test
    @Order(2) // in the town the cycle gave its Leefbaarometer figures
    void theTraceOfAMeasurementReachesTheStatusChangeAndTheConsumersLog() {
        String area = town.neighbourhoods.get(3);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (Topics statuses = Topics.atEnd("neighbourhood.status.v1")) {
            contractApi("evaluation", town.corporationToken()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .contentType(ContentType.JSON).body(Map.of("areaCode", area, "indicator", "tenant.feeling-at-home", "value", 6.4,
                            "period", "2026-Q3", "respondents", 55, "instrument", "survey"))
                    .post("/api/v1/measurements").then().statusCode(201);
            var changed = statuses.await(r -> area.equals(r.key()), 1, ASYNC);
            assertThat(changed).as("status event of " + area).hasSize(1);
            assertThat(Topics.header(changed.get(0), "traceparent")).as("trace of the status event").contains(traceId);
        }
        Path log = Platform.ROOT.resolve(".local/logs/neighbourhood-service.log");
        Eventually.await("the trace id in neighbourhood-service's log", () -> {
            try {
                return Files.readString(log).contains("trace=" + traceId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, found -> found, ASYNC);
    }

    private static JsonPath status(String area) {
        return contractApi("neighbourhood", town.corporationToken()).get("/api/v1/areas/{code}/status", area)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void measure(String deployment, String area, String slot, String period, double value) {
        Map<String, Object> body = new HashMap<>(Map.of("deploymentId", deployment, "areaCode", area, "slot", slot,
                "indicator", "tenant.feeling-at-home", "period", period, "value", value, "respondents", 60,
                "instrument", "survey", "sourceSystem", "e2e-enquete"));
        contractApi("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(body).post("/api/v1/measurements")
                .then().statusCode(201);
    }
}
