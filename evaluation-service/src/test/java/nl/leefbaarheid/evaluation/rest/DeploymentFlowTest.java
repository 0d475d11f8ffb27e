package nl.leefbaarheid.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leefbaarheid.evaluation.Registry;
import nl.leefbaarheid.evaluation.entity.Measurement;
import nl.leefbaarheid.evaluation.service.CatalogReadModel;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentFlowTest {

    static final String CORP = "corp-eval";

    @Inject
    CatalogReadModel catalog;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "mp.messaging.incoming.interventions.group.id")
    String groupId;

    String intervention;

    static boolean registered;

    /** The areas of these tests, registered as neighbourhood-service would: through the real topic. */
    @BeforeEach
    void registeredAreas() {
        if (!registered) {
            Registry.neighbourhoods(2024, "BU09040101", "BU09040102", "BU09040103", "BU09040201", "BU09040202", "BU09040301", "BU09040104",
                    "BU09040401", "BU09040105", "BU09040106", "BU09040107");
            registered = true;
        }
    }

    /** A published revision, as catalog-service would send it, arriving through the real topic. */
    @BeforeEach
    void publishedIntervention() {
        intervention = "moestuin-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.awaitAssignment(groupId, "catalog.interventions.v1", Duration.ofSeconds(30));
        String snapshot = """
                {"interventionId": "%s", "revision": 2, "status": "published", "title": "Gemeenschappelijke moestuin",
                 "themeCode": "sociale-leefbaarheid", "subtopicCode": "samenleven", "strategy": "social-approach",
                 "dimensions": ["soc"], "indicators": ["tenant.feeling-at-home"], "corporationAlone": false,
                 "partnerTypes": ["welfare"], "costBand": "low", "evidenceLevel": "well-founded",
                 "effectMeasurement": {"indicators": ["tenant.feeling-at-home"], "instrument": "survey", "baselineMonths": 0,
                   "interimMonths": 6, "finalMonths": 12, "expectedDirection": "increase", "minimalRelevantChange": 0.3},
                 "publishedAt": "2026-01-10T10:00:00Z"}""".formatted(intervention);
        TopicProbe.send("catalog.interventions.v1", intervention, snapshot, Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_type", "nl.leefbaarheid.intervention.published.v1",
                "ce_source", "/catalog-service", "ce_subject", intervention, "content-type", "application/json"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (catalog.find(intervention, 2).isEmpty()) {
            assertThat(System.currentTimeMillis()).as("snapshot arrives in the read model").isLessThan(deadline);
            sleep(100);
        }
    }

    String deploy(String area, List<String> comparison) {
        Map<String, Object> body = new HashMap<>(Map.of("interventionId", intervention, "interventionRevision", 2,
                "areaCode", area, "owner", "Wijkconsulent Noordwijk", "startDate", "2025-03-01", "plannedEndDate", "2026-03-01",
                "partners", List.of("welzijn-demostad"), "comparisonAreas", comparison, "budget", 12500));
        return given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/deployments").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> m(String area, String deployment, String slot, double value, int respondents) {
        String period = slot == null ? "2026-Q2" : switch (slot) {
            case "baseline" -> "2025-Q1";
            case "interim" -> "2025-Q3";
            default -> "2026-Q1";
        };
        Map<String, Object> row = new HashMap<>();
        row.put("areaCode", area);
        row.put("indicator", "tenant.feeling-at-home");
        row.put("value", value);
        row.put("period", period);
        row.put("respondents", respondents);
        row.put("instrument", "survey");
        row.put("deploymentId", deployment);
        row.put("slot", slot);
        return row;
    }

    @Test
    void thePlanChangesUntilTheEndWithIfMatchAndEachChangeIsInTheDeploymentsHistory() {
        String id = deploy("BU09040105", List.of("BU09040106"));
        String token = Tokens.corporation(CORP);
        String etag = given().auth().oauth2(token).get("/api/v1/deployments/{id}", id).then().statusCode(200)
                .body("version", equalTo(0)).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        Map<String, Object> later = Map.of("startDate", "2025-04-01", "comparisonAreas", List.of("BU09040107"), "owner", "Wijkteam Zuid",
                "reason", "The garden plot was not ready.");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(later).patch("/api/v1/deployments/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(later)
                .patch("/api/v1/deployments/{id}", id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("plannedEndDate", "2025-01-01"))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(400).body("errors.field", contains("plannedEndDate"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("comparisonAreas", List.of("BU09040105")))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(400).body("errors.field", contains("comparisonAreas"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("budget", -1))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(400).body("errors.field", contains("budget"));
        given().auth().oauth2(Tokens.corporation("corp-eval-other")).contentType(ContentType.JSON).header("If-Match", etag).body(later)
                .patch("/api/v1/deployments/{id}", id).then().statusCode(404);

        // a later start while planned re-plans the slots; the comparison areas are replaced, and measurements follow them
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(later)
                .patch("/api/v1/deployments/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("plan.dueOn", contains("2025-04-01", "2025-10-01", "2026-04-01")).body("comparisonAreas", contains("BU09040107"))
                .body("owner", equalTo("Wijkteam Zuid")).body("budget", equalTo(12500.0f)).body("version", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(m("BU09040106", id, null, 7.0, 30))
                .post("/api/v1/measurements").then().statusCode(400).body("errors.field", contains("areaCode"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(m("BU09040107", id, null, 7.0, 30))
                .post("/api/v1/measurements").then().statusCode(201);
        // the same values again change nothing
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(later)
                .patch("/api/v1/deployments/{id}", id).then().statusCode(200).header("ETag", "\"1\"");

        // running: the start date stays, the rest changes; ended: nothing changes
        given().auth().oauth2(token).post("/api/v1/deployments/{id}/start", id).then().statusCode(200);
        String running = given().auth().oauth2(token).get("/api/v1/deployments/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", running).body(Map.of("startDate", "2025-05-01"))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(409).contentType("application/problem+json");
        running = given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", running)
                .body(Map.of("budget", 15000.5, "partners", List.of("welzijn-demostad", "wijkteam-zuid")))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(200).body("budget", equalTo(15000.5f))
                .body("partners", contains("welzijn-demostad", "wijkteam-zuid")).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "Budget cut."))
                .post("/api/v1/deployments/{id}/stop", id).then().statusCode(200);
        String stopped = given().auth().oauth2(token).get("/api/v1/deployments/{id}", id).then().extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", stopped).body(Map.of("budget", 1))
                .patch("/api/v1/deployments/{id}", id).then().statusCode(409).contentType("application/problem+json");

        // who changed what, when and why: for whoever may read the deployment
        given().auth().oauth2(Tokens.partner("wijkteam-zuid")).get("/api/v1/deployments/{id}/history", id).then().statusCode(200)
                .body("items.action", contains("stopped", "updated", "started", "updated", "planned"))
                .body("items[0].reason", equalTo("Budget cut.")).body("items[1].reason", equalTo(null))
                .body("items[3].reason", equalTo("The garden plot was not ready.")).body("items[3].actor.organisation", equalTo(CORP))
                .body("items[3].before.startDate", equalTo("2025-03-01")).body("items[3].after.startDate", equalTo("2025-04-01"));
        given().auth().oauth2(Tokens.corporation("corp-eval-other")).get("/api/v1/deployments/{id}/history", id).then().statusCode(404);
    }

    @Test
    void thePlanFollowsTheCatalogueMethodAndTheEffectIsPublishedOnCompletion() {
        String id = deploy("BU09040201", List.of("BU09040202"));
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}", id).then().statusCode(200)
                .body("interventionTitle", equalTo("Gemeenschappelijke moestuin"))
                .body("plan.slot", contains("baseline", "interim", "final"))
                .body("plan.dueOn", contains("2025-03-01", "2025-09-01", "2026-03-01"))
                .body("comparisonAreas", contains("BU09040202"));
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("withinDays", 0).queryParam("size", 500).get("/api/v1/deployments/due").then()
                .statusCode(200).body("items.findAll { it.deploymentId == '" + id + "' }.slot", contains("baseline", "interim", "final"));

        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("measurements", List.of(
                m("BU09040201", id, "baseline", 6.5, 50), m("BU09040201", id, "interim", 7.0, 40), m("BU09040201", id, "final", 7.4, 45),
                m("BU09040202", id, "baseline", 6.6, 30), m("BU09040202", id, "final", 6.9, 30))))
                .post("/api/v1/measurements/batch").then().statusCode(201).body("count", equalTo(5));

        // a partner involved reads it; another corporation does not see it exists
        given().auth().oauth2(Tokens.partner("welzijn-demostad")).get("/api/v1/deployments/{id}/effect", id).then().statusCode(200)
                .body("verdict", equalTo("improved")).body("indicators[0].effect", equalTo(0.6f));
        given().auth().oauth2(Tokens.corporation("corp-other")).get("/api/v1/deployments/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("welzijn-demostad")).post("/api/v1/deployments/{id}/start", id).then().statusCode(403);

        try (TopicProbe results = TopicProbe.atEnd("evaluation.results.v1")) {
            given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("endDate", "2026-03-01"))
                    .post("/api/v1/deployments/{id}/complete", id).then().statusCode(200)
                    .body("status", equalTo("completed")).body("result.verdict", equalTo("improved"));
            List<ConsumerRecord<String, String>> events = results.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.evaluation.completed.v1");
            JsonNode result = read(events.get(0).value());
            assertThat(result.path("verdict").asText()).isEqualTo("improved");
            assertThat(result.path("interventionRevision").asInt()).isEqualTo(2);
            assertThat(result.path("indicators").get(0).path("final").asDouble()).isEqualTo(7.4);
            assertThat(result.path("indicators").get(0).path("comparisonChange").asDouble()).isEqualTo(0.3);
        }
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/deployments/{id}/complete", id).then().statusCode(409);
    }

    @Test
    void theEffectFollowsCorrectionsAndWithdrawalsUntilTheDeploymentEnds() {
        String id = deploy("BU09040105", List.of("BU09040106"));
        List<String> ids = given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("measurements", List.of(
                m("BU09040105", id, "baseline", 6.5, 50), m("BU09040105", id, "final", 7.4, 45),
                m("BU09040106", id, "baseline", 6.6, 30), m("BU09040106", id, "final", 6.9, 30))))
                .post("/api/v1/measurements/batch").then().statusCode(201).extract().path("measurementIds");
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}/effect", id).then().statusCode(200)
                .body("verdict", equalTo("improved")).body("indicators[0].effect", equalTo(0.6f));

        // the final mark corrected: 6.8 - 6.5 against the comparison's 0.3 is no effect
        given().auth().oauth2(Tokens.corporation(CORP)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("value", 6.8, "reason", "Verkeerde kolom.")).patch("/api/v1/measurements/{m}", ids.get(1)).then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}/effect", id).then().statusCode(200)
                .body("verdict", equalTo("no-clear-change")).body("indicators[0].finalValue", equalTo(6.8f));

        // withdrawn, it counts no more: no final value, and the final slot is due again
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("reason", "Onbetrouwbaar.").delete("/api/v1/measurements/{m}", ids.get(1))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}/effect", id).then().statusCode(200)
                .body("verdict", equalTo("not-enough-data"));
        given().auth().oauth2(Tokens.corporation(CORP)).queryParam("withinDays", 0).queryParam("size", 500).get("/api/v1/deployments/due")
                .then().statusCode(200).body("items.findAll { it.deploymentId == '" + id + "' }.slot", contains("interim", "final"));

        // once it has ended, its measurements are closed: the effect was published as it stood
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("reason", "Gestopt.", "endDate", "2026-01-01"))
                .post("/api/v1/deployments/{id}/stop", id).then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("value", 6.0, "reason", "Te laat.")).patch("/api/v1/measurements/{m}", ids.get(0)).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("sourceBatch", "bestaat-niet-" + id, "reason", "Niets.")).post("/api/v1/measurements/withdrawals")
                .then().statusCode(404);
    }

    @Test
    void aRetriedBatchWithTheSameKeyStoresNothingTwice() {
        String id = deploy("BU09040101", List.of());
        Map<String, Object> batch = Map.of("measurements", List.of(m("BU09040101", id, "baseline", 6.9, 30),
                m("BU09040101", id, "interim", 7.1, 28)));
        String key = UUID.randomUUID().toString();
        try (TopicProbe topic = TopicProbe.atEnd("evaluation.measurements.v1")) {
            String first = given().auth().oauth2(Tokens.corporation(CORP)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(batch).post("/api/v1/measurements/batch").then().statusCode(201).extract().asString();
            String again = given().auth().oauth2(Tokens.corporation(CORP)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(batch).post("/api/v1/measurements/batch").then().statusCode(201).extract().asString();
            assertThat(again).isEqualTo(first);
            assertThat(stored(id)).isEqualTo(2);
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.value().contains(id), 3, Duration.ofSeconds(8));
            assertThat(events).hasSize(2).allSatisfy(r -> assertThat(r.key()).isEqualTo("BU09040101"));
            assertThat(TopicProbe.header(events.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.measurement.recorded.v1");
        }
        given().auth().oauth2(Tokens.corporation(CORP)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(m("BU09040101", id, "final", 7.5, 30)))).post("/api/v1/measurements/batch")
                .then().statusCode(422).body("type", equalTo("https://leefbaarheid.nl/problems/idempotency-key-reused"));
        assertThat(stored(id)).isEqualTo(2);
    }

    @Test
    void twoRequestsWithOneKeyAtTheSameTimeStoreOnceAndBothGetTheAnswer() throws Exception {
        String id = deploy("BU09040104", List.of());
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // a batch that takes a while, so the second request comes while the first works
            rows.add(m("BU09040104", id, null, 6.0 + i * 0.01, 20));
        }
        Map<String, Object> batch = Map.of("measurements", rows);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> post = () -> given().auth().oauth2(Tokens.corporation(CORP)).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(batch).post("/api/v1/measurements/batch");
            List<Future<Response>> answers = callers.invokeAll(List.of(post, post));
            Response first = answers.get(0).get();
            Response second = answers.get(1).get();
            assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(201, 201);
            assertThat(second.asString()).isEqualTo(first.asString());
        } finally {
            callers.shutdownNow();
        }
        assertThat(stored(id)).isEqualTo(200);
    }

    @Test
    void theMeasurementEventCarriesTheTraceOfTheRequest() {
        String id = deploy("BU09040103", List.of());
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicProbe topic = TopicProbe.atEnd("evaluation.measurements.v1")) {
            given().auth().oauth2(Tokens.corporation(CORP)).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .contentType(ContentType.JSON).body(m("BU09040103", id, "baseline", 6.8, 30))
                    .post("/api/v1/measurements").then().statusCode(201);
            List<ConsumerRecord<String, String>> events = topic.await(r -> r.value().contains(id), 1, Duration.ofSeconds(8));
            assertThat(events).hasSize(1);
            // the same trace, continued by the span of the request at this service
            assertThat(TopicProbe.header(events.get(0), "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain("00f067aa0ba902b7");
        }
    }

    @Test
    void everyBadRowIsNamedAndNothingIsStored() {
        String id = deploy("BU09040102", List.of("BU09040301"));
        long before = QuarkusTransaction.requiringNew().call(() -> Measurement.count());
        Map<String, Object> wrongIndicator = m("BU09040102", id, "final", 7.0, 30);
        wrongIndicator.put("indicator", "tenant.clean-and-intact");
        Map<String, Object> future = m("BU09040102", null, null, 7.0, 30);
        future.put("period", (LocalDate.now().getYear() + 1) + "-Q1");
        future.remove("deploymentId");
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("measurements", List.of(
                m("BU09040102", id, "baseline", 7.0, 30),
                m("BU09040102", id, "baseline", 11.5, 30),
                m("BU9", id, "baseline", 7.0, 30),
                m("BU09040401", id, "baseline", 7.0, 30),
                wrongIndicator, future)))
                .post("/api/v1/measurements/batch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("measurements[1].value", "measurements[2].areaCode", "measurements[3].areaCode",
                        "measurements[4].indicator", "measurements[5].period"));
        given().auth().oauth2(Tokens.corporation("corp-other")).contentType(ContentType.JSON).body(m("BU09040102", id, "baseline", 7.0, 30))
                .post("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("deploymentId"));
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("interventionId", "bestaat-niet", "interventionRevision", 1, "areaCode", "BU09040102", "owner", "x",
                        "startDate", "2026-01-01", "plannedEndDate", "2026-06-01"))
                .post("/api/v1/deployments").then().statusCode(400).body("errors[0].field", equalTo("interventionRevision"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Measurement.count())).isEqualTo(before);
    }

    long stored(String deployment) {
        return QuarkusTransaction.requiringNew().call(() -> Measurement.count("deploymentId", UUID.fromString(deployment)));
    }

    JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A workshop action in partner-service asks for a deployment (on its topic): it is planned under the id partner-service
     * chose, with its origin, the latest published revision and the action's owner as partner; a redelivered request
     * changes nothing; a request that cannot be planned is refused with the reason. Both answers go to evaluation.results.v1.
     */
    @Test
    void aWorkshopActionBecomesAPlannedDeploymentOrIsRefusedWithItsReason() throws Exception {
        TopicProbe.awaitAssignment(workshopActionsGroupId, "partner.workshop-actions.v1", Duration.ofSeconds(30));
        awaitWorkshopActionsConsumed();
        String planned = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String collaboration = UUID.randomUUID().toString();
        try (TopicProbe results = TopicProbe.atEnd("evaluation.results.v1")) {
            String request = deploymentRequest(planned, collaboration, null, "2026-05-01");
            askForDeployment(planned, request);
            askForDeployment(planned, request); // redelivered
            askForDeployment(refused, deploymentRequest(refused, collaboration, 9, "2026-05-01"));
            List<ConsumerRecord<String, String>> answers = results.await(r -> r.key().equals(planned) || r.key().equals(refused), 3,
                    Duration.ofSeconds(20));
            assertThat(answers).extracting(r -> r.key() + " " + TopicProbe.header(r, "ce_type")).containsExactlyInAnyOrder(
                    planned + " nl.leefbaarheid.evaluation.deployment-planned.v1",
                    refused + " nl.leefbaarheid.evaluation.deployment-refused.v1");
            JsonNode plannedEvent = json.readTree(answers.stream().filter(r -> r.key().equals(planned)).findFirst().orElseThrow().value());
            assertThat(plannedEvent.path("origin").path("actionId").asLong()).isEqualTo(31);
            assertThat(plannedEvent.path("interventionRevision").asInt()).isEqualTo(2);
            JsonNode refusedEvent = json.readTree(answers.stream().filter(r -> r.key().equals(refused)).findFirst().orElseThrow().value());
            assertThat(refusedEvent.path("reason").asText()).contains("revision 9").contains("not a published revision");
        }
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}", planned).then().statusCode(200)
                .body("status", equalTo("planned")).body("interventionRevision", equalTo(2)).body("areaCode", equalTo("BU09040104"))
                .body("partners", contains("welzijn-demostad")).body("origin.collaborationId", equalTo(collaboration))
                .body("origin.actionId", equalTo(31)).body("owner", equalTo("Stichting Welzijn Demostad"));
        given().auth().oauth2(Tokens.partner("welzijn-demostad")).get("/api/v1/deployments/{id}", planned).then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/deployments/{id}", refused).then().statusCode(404);
    }

    @ConfigProperty(name = "mp.messaging.incoming.workshop-actions.group.id")
    String workshopActionsGroupId;

    String deploymentRequest(String deployment, String collaboration, Integer revision, String start) {
        return """
                {"deploymentId": "%s", "collaborationId": "%s", "workshopId": "%s", "actionId": 31, "corporationId": "%s",
                 "interventionId": "%s", "interventionRevision": %s, "areaCode": "BU09040104", "complexId": null,
                 "owner": "Stichting Welzijn Demostad", "partners": ["welzijn-demostad"], "startDate": "%s", "plannedEndDate": "2027-05-01",
                 "budget": 18000, "comparisonAreas": ["BU09040401"], "requestedBy": "corp-eval", "requestedAt": "2026-04-15T10:00:00Z"}"""
                .formatted(deployment, collaboration, UUID.randomUUID(), CORP, intervention, revision, start);
    }

    /**
     * Until a request sent now is answered: after a broker restart (BrokerOutageTest) the consumer, starting at the end of
     * the topic, may take a while to take up its place; a request it answers shows that it reads what is sent from then on.
     */
    void awaitWorkshopActionsConsumed() {
        try (TopicProbe results = TopicProbe.atEnd("evaluation.results.v1")) {
            for (int attempt = 0; attempt < 12; attempt++) {
                String probe = UUID.randomUUID().toString();
                askForDeployment(probe, deploymentRequest(probe, UUID.randomUUID().toString(), 99, "2026-05-01"));
                if (!results.await(r -> r.key().equals(probe), 1, Duration.ofSeconds(5)).isEmpty()) {
                    return;
                }
            }
            throw new AssertionError("evaluation-service answers no deployment request on partner.workshop-actions.v1");
        }
    }

    static void askForDeployment(String deployment, String request) {
        TopicProbe.send("partner.workshop-actions.v1", deployment, request, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "nl.leefbaarheid.workshop-action.deployment-requested.v1", "ce_source", "/partner-service",
                "ce_subject", deployment, "content-type", "application/json"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
