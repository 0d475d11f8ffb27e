package nl.leefbaarheid.e2e;

import static io.restassured.RestAssured.given;
import static nl.leefbaarheid.e2e.Platform.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform under faults: a stopped broker, a killed consumer, a replayed topic, a restarted database and
 * poison messages. Each test counts what was sent and what arrived: nothing lost, nothing counted twice.
 * Each leaves the platform running again for the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFaultsTest {

    static final Duration ASYNC = Duration.ofSeconds(90);
    static final ObjectMapper JSON = new ObjectMapper();

    static Town town;

    @BeforeAll
    static void platform() {
        Platform.start();
        town = Town.create("Storingsdorp");
        api("neighbourhood", town.admin).contentType("text/csv").body(town.leefbaarometerCsv())
                .post("/api/v1/observations/leefbaarometer").then().statusCode(200);
    }

    @AfterAll
    static void everythingRunsAgain() {
        Platform.startAgain();
    }

    @Test
    @Order(1)
    void poisonMessagesOnEveryConsumedTopicGoToTheDeadLetterTopicAndTheConsumersGoOn() throws Exception {
        Map<String, String> deadLetterTopics = Map.of("catalog.interventions.v1", "evaluation-service.dlq.v1",
                "evaluation.measurements.v1", "neighbourhood-service.dlq.v1", "neighbourhood.status.v1", "partner-service.dlq.v1",
                "evaluation.results.v1", "partner-service.dlq.v1", "partner.workshop-actions.v1", "evaluation-service.dlq.v1");
        Map<String, String> types = Map.of("catalog.interventions.v1", "nl.leefbaarheid.intervention.published",
                "evaluation.measurements.v1", "nl.leefbaarheid.measurement.recorded", "neighbourhood.status.v1",
                "nl.leefbaarheid.area-status.changed", "evaluation.results.v1", "nl.leefbaarheid.evaluation.completed",
                "partner.workshop-actions.v1", "nl.leefbaarheid.workshop-action.deployment-requested");
        Map<String, Topics> dlqs = new HashMap<>();
        Set.copyOf(deadLetterTopics.values()).forEach(t -> dlqs.put(t, Topics.atEnd(t)));
        Map<String, String> poisonKeys = new LinkedHashMap<>();
        for (var topic : deadLetterTopics.keySet()) {
            String malformed = "poison-" + UUID.randomUUID();
            Topics.send(topic, malformed, "{\"areaCode\": \"BU", cloudEvent(types.get(topic) + ".v1", malformed));
            poisonKeys.put(malformed, topic);
            String unknownVersion = "poison-" + UUID.randomUUID();
            Topics.send(topic, unknownVersion, "{\"areaCode\": \"" + town.neighbourhoods.get(0) + "\"}",
                    cloudEvent(types.get(topic) + ".v9", unknownVersion));
            poisonKeys.put(unknownVersion, topic);
        }
        int arrived = 0;
        for (var entry : dlqs.entrySet()) {
            long expected = poisonKeys.values().stream().filter(t -> deadLetterTopics.get(t).equals(entry.getKey())).count();
            List<ConsumerRecord<String, String>> dead = entry.getValue().await(r -> poisonKeys.containsKey(r.key()),
                    (int) expected, ASYNC);
            assertThat(dead).as("poison messages on " + entry.getKey()).hasSize((int) expected);
            dead.forEach(r -> assertThat(Topics.header(r, "dead-letter-reason")).as("reason of " + r.key()).isNotBlank());
            arrived += dead.size();
            entry.getValue().close();
        }
        System.out.printf("FAULT poison: sent %d malformed or unknown-version messages to %d topics, %d arrived on dead-letter topics%n",
                poisonKeys.size(), deadLetterTopics.size(), arrived);

        // every consumer goes on: a new catalogue revision, a deployment of it, a measurement, a status change, a
        // signal, an evaluation result and its signal all come through after the poison
        try (WebhookReceiver receiver = new WebhookReceiver("storing-" + town.municipality + "-0123456789")) {
            town.collaboration();
            town.webhook(receiver);
            String intervention = "e2e-buurtkamer-" + UUID.randomUUID().toString().substring(0, 8);
            Topics.send("catalog.interventions.v1", intervention, """
                    {"interventionId": "%s", "revision": 1, "status": "published", "title": "Buurtkamer",
                     "themeCode": "sociale-leefbaarheid", "subtopicCode": "samenleven", "strategy": "social-approach",
                     "dimensions": ["soc"], "indicators": ["tenant.feeling-at-home"], "corporationAlone": false,
                     "partnerTypes": ["welfare"], "costBand": "low", "evidenceLevel": "well-described",
                     "effectMeasurement": {"indicators": ["tenant.feeling-at-home"], "instrument": "survey", "baselineMonths": 0,
                       "interimMonths": 6, "finalMonths": 12, "expectedDirection": "increase", "minimalRelevantChange": 0.3},
                     "publishedAt": "2026-01-10T10:00:00Z"}""".formatted(intervention),
                    cloudEvent("nl.leefbaarheid.intervention.published.v1", intervention));
            String area = town.neighbourhoods.get(3);
            Map<String, Object> deployment = Map.of("interventionId", intervention, "interventionRevision", 1, "areaCode", area,
                    "owner", "Opbouwwerker", "startDate", "2025-01-01", "plannedEndDate", "2026-01-01");
            String id = Eventually.await("the revision sent after the poison reached evaluation-service",
                    () -> api("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(deployment)
                            .post("/api/v1/deployments").then().extract().<String>path("id"),
                    d -> d != null, ASYNC);
            int before = version(area);
            for (String slot : List.of("baseline", "final")) {
                api("evaluation", town.corporationToken()).contentType(ContentType.JSON)
                        .body(Map.of("deploymentId", id, "slot", slot, "areaCode", area, "indicator", "tenant.feeling-at-home",
                                "period", slot.equals("baseline") ? "2025-Q1" : "2026-Q1", "value", slot.equals("baseline") ? 6.1 : 7.0,
                                "respondents", 40, "instrument", "survey"))
                        .post("/api/v1/measurements").then().statusCode(201);
            }
            Eventually.await("the status of " + area + " after measurements sent after the poison", () -> version(area),
                    v -> v >= before + 2, ASYNC);
            receiver.await("status-changed of " + area, s -> s.path("areaCode").asText().equals(area), ASYNC);
            api("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(Map.of("endDate", "2026-01-15"))
                    .post("/api/v1/deployments/{id}/complete", id).then().statusCode(200);
            receiver.await("evaluation-completed of " + id, s -> s.path("deploymentId").asText().equals(id), ASYNC);
        }
    }

    @Test
    @Order(2)
    void replayingTheWholeMeasurementTopicChangesNoStatusAndNoSignal() {
        awaitStatusesSettled(); // the roll-ups of what came before are no part of the replay
        Map<String, Integer> before = versions();
        long cursor = lastSignal();
        List<ConsumerRecord<String, String>> all;
        try (Topics topic = Topics.fromStart("evaluation.measurements.v1")) {
            all = topic.readToEnd();
        }
        try (Topics status = Topics.atEnd("neighbourhood.status.v1")) {
            Topics.send("evaluation.measurements.v1", all);
            awaitNoLag("neighbourhood-service", "evaluation.measurements.v1");
            awaitNoLag("partner-service", "neighbourhood.status.v1");
            List<ConsumerRecord<String, String>> events = status.await(r -> true, 1, Duration.ofSeconds(3));
            assertThat(events).as("status events after the replay").isEmpty();
        }
        assertThat(versions()).isEqualTo(before);
        assertThat(lastSignal()).as("newest signal").isEqualTo(cursor);
        System.out.printf("FAULT replay: %d measurement records replayed; %d statuses compared, 0 changed; 0 new signals%n",
                all.size(), before.size());
    }

    @Test
    @Order(3)
    void whileTheBrokerIsDownEveryServiceStaysReadyAndServesAndNothingIsLost() {
        String area = town.neighbourhoods.get(0);
        int before = version(area);
        List<String> sent = new ArrayList<>();
        long slowestProbe = 0;
        int reads = 0;
        try {
            sent.addAll(monitor(area, 0, 10));
            Platform.stop("kafka");
            for (String service : Platform.PORTS.keySet()) {
                // the broker's absence is visible in its own health group and gauge, never in readiness
                Eventually.await(service + " sees the broker away", () -> given().baseUri(Platform.url(service))
                        .get("/q/health/group/kafka").statusCode(), status -> status == 503, ASYNC);
                given().baseUri(Platform.url(service)).get("/q/metrics").then().statusCode(200)
                        .body(org.hamcrest.Matchers.containsString("kafka_broker_reachable 0.0"));
            }
            for (int round = 0; round < 3; round++) {
                for (String service : Platform.PORTS.keySet()) {
                    long started = System.nanoTime();
                    given().baseUri(Platform.url(service)).get("/q/health/ready").then().statusCode(200);
                    given().baseUri(Platform.url(service)).get("/q/health/live").then().statusCode(200);
                    slowestProbe = Math.max(slowestProbe, Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
                api("catalog", town.admin).get("/api/v1/themes").then().statusCode(200);
                api("neighbourhood", town.admin).get("/api/v1/areas/{code}/status", area).then().statusCode(200);
                api("evaluation", town.corporationToken()).get("/api/v1/deployments").then().statusCode(200);
                api("partner", town.admin).get("/api/v1/collaborations").then().statusCode(200);
                reads += 4;
                sent.addAll(monitor(area, 10 + round * 4, 4)); // accepted: the outbox keeps them while the broker is away
                WebhookReceiver.sleep(1_000);
            }
        } finally {
            Platform.startKafka();
        }
        assertThat(slowestProbe).as("slowest pair of readiness and liveness answers, ms").isLessThan(1_000);
        sent.addAll(monitor(area, 22, 8));
        Map<String, Integer> reasons = arrivedReasons(area, before, sent);
        assertThat(reasons.keySet()).as("measurements reflected in the status").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(reasons.values()).as("times each was counted").containsOnly(1);
        assertThat(status(area).getDouble("status.tenantExperience.mean")).isEqualTo(value(29));
        for (String service : Platform.PORTS.keySet()) {
            Eventually.await(service + " sees the broker back", () -> given().baseUri(Platform.url(service))
                    .get("/q/health/group/kafka").statusCode(), status -> status == 200, ASYNC);
        }
        System.out.printf("FAULT broker-outage: sent %d measurements (12 while Kafka was down), %d reached the status, duplicates 0;"
                + " readiness stayed UP in all 4 services (slowest probe pair %d ms), %d reads answered 200, the kafka health"
                + " group said DOWN in all 4 and UP again after the restart%n", sent.size(), reasons.size(), slowestProbe, reads);
    }

    @Test
    @Order(4)
    void statusesAfterAHardKillOfTheConsumerEqualARecalculationFromScratch() throws Exception {
        List<String> areas = town.neighbourhoods.subList(0, 3); // the fourth has newer survey periods (first test)
        Map<String, Integer> before = new HashMap<>();
        areas.forEach(a -> before.put(a, version(a)));
        Map<String, List<String>> sent = new ConcurrentHashMap<>();
        ExecutorService stream = Executors.newSingleThreadExecutor();
        AtomicInteger posted = new AtomicInteger();
        var producer = stream.submit(() -> {
            for (int i = 0; i < 40; i++) {
                for (String area : areas) {
                    sent.computeIfAbsent(area, a -> new ArrayList<>()).addAll(monitor(area, 40 + i, 1));
                    posted.incrementAndGet();
                }
            }
        });
        Eventually.await("a third of the stream posted", posted::get, n -> n >= 40, ASYNC);
        int postedAtKill = posted.get();
        Platform.kill("neighbourhood");
        producer.get(120, TimeUnit.SECONDS);
        stream.shutdown();
        Platform.startAgain();

        int total = 0;
        for (String area : areas) {
            Map<String, Integer> reasons = arrivedReasons(area, before.get(area), sent.get(area));
            assertThat(reasons.keySet()).as("measurements of " + area + " in its status history")
                    .containsExactlyInAnyOrderElementsOf(sent.get(area));
            assertThat(reasons.values()).as("times each was counted").containsOnly(1);
            total += reasons.size();
        }
        // the districts and the municipality follow their neighbourhoods half a second after each batch
        awaitStatusesSettled();
        api("neighbourhood", town.admin).queryParam("municipality", town.municipality).post("/api/v1/status-recalculations")
                .then().statusCode(200).body("changedStatuses", org.hamcrest.Matchers.equalTo(0));
        System.out.printf("FAULT consumer-killed: sent %d measurements over %d areas, killed neighbourhood-service after %d; "
                + "%d reached the statuses, duplicates 0; recalculation from scratch changed 0 statuses%n",
                sent.values().stream().mapToInt(List::size).sum(), areas.size(), postedAtKill, total);
    }

    @Test
    @Order(5)
    void aDatabaseRestartUnderLoadGivesRetryableProblemsNeverPartialWritesAndTheServicesRecover() throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (String service : Platform.PORTS.keySet()) {
            pids.put(service, Platform.pid(service));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, String> batchKeys = new ConcurrentHashMap<>();
        Map<Integer, List<String>> stored = new ConcurrentHashMap<>();
        Map<Integer, Map<String, Object>> refusedBatches = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> answers = new TreeMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger batches = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 2; t++) {
            load.submit(() -> {
                while (running.get()) {
                    int n = batches.getAndIncrement();
                    String key = UUID.randomUUID().toString();
                    batchKeys.put(n, key);
                    Map<String, Object> batch = batch(n);
                    Response answer = postBatch(batch, key);
                    count(answers, "evaluation POST batch", answer, wrong);
                    if (answer.statusCode() == 201) {
                        stored.put(n, answer.jsonPath().getList("measurementIds"));
                    } else {
                        refusedBatches.put(n, batch);
                    }
                    WebhookReceiver.sleep(50);
                }
                return null;
            });
        }
        load.submit(() -> {
            while (running.get()) {
                count(answers, "neighbourhood GET status", api("neighbourhood", town.admin)
                        .get("/api/v1/areas/{code}/status", town.neighbourhoods.get(1)), wrong);
                count(answers, "partner GET collaborations", api("partner", town.admin).get("/api/v1/collaborations"), wrong);
                WebhookReceiver.sleep(50);
            }
            return null;
        });
        WebhookReceiver.sleep(2_000);
        try {
            Platform.stop("postgres");
            WebhookReceiver.sleep(4_000);
        } finally {
            Platform.startPostgres();
        }
        WebhookReceiver.sleep(6_000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(wrong).as("answers other than success or 503 with Retry-After").isEmpty();
        assertThat(answers.keySet()).as("some requests answered 503 during the gap").anyMatch(k -> k.endsWith(" 503"));
        // no partial write: a batch answered 503 left nothing; retried with its key, it is stored once
        for (var refused : refusedBatches.entrySet()) {
            Response retry = postBatch(refused.getValue(), batchKeys.get(refused.getKey()));
            assertThat(retry.statusCode()).as("retry of batch " + refused.getKey()).isEqualTo(201);
            stored.put(refused.getKey(), retry.jsonPath().getList("measurementIds"));
        }
        // the 201 answers, repeated with their keys, store nothing again
        for (int n : List.copyOf(stored.keySet()).subList(0, Math.min(5, stored.size()))) {
            assertThat(postBatch(batch(n), batchKeys.get(n)).jsonPath().getList("measurementIds", String.class))
                    .isEqualTo(stored.get(n));
        }
        Set<String> ids = stored.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(ids).hasSize(batches.get() * 3);
        Map<String, Set<String>> published = new HashMap<>(); // measurement id -> event ids
        Map<Integer, Set<String>> perBatch = new HashMap<>(); // batch (tagged by its respondents) -> measurement ids
        try (Topics topic = Topics.fromStart("evaluation.measurements.v1")) {
            Eventually.await("every stored measurement published", () -> {
                for (ConsumerRecord<String, String> r : topic.readToEnd()) {
                    JsonNode event = read(r.value());
                    if (town.neighbourhoods.contains(event.path("areaCode").asText()) && event.path("respondents").asInt() >= 1000) {
                        String id = event.path("measurementId").asText();
                        published.computeIfAbsent(id, k -> new java.util.HashSet<>()).add(Topics.header(r, "ce_id"));
                        perBatch.computeIfAbsent(event.path("respondents").asInt() - 1000, k -> new java.util.HashSet<>()).add(id);
                    }
                }
                return published.size();
            }, n -> n >= ids.size(), ASYNC);
        }
        assertThat(published.keySet()).as("measurements published").isEqualTo(ids);
        assertThat(published.values()).as("events per measurement").allMatch(events -> events.size() == 1);
        assertThat(perBatch).as("measurements per batch").hasSize(batches.get()).allSatisfy((n, rows) -> assertThat(rows).hasSize(3));
        for (String service : Platform.PORTS.keySet()) {
            assertThat(Platform.pid(service)).as(service + " was not restarted").isEqualTo(pids.get(service));
            Eventually.await(service + " ready again", () -> Platform.ready(service), r -> r, Duration.ofSeconds(30));
        }
        System.out.printf("FAULT postgres-restart: %d batches of 3 sent; answers %s; %d batches refused with 503 stored nothing "
                + "and were stored once on retry; %d measurements, each published once%n", batches.get(), answers,
                refusedBatches.size(), ids.size());
    }

    /**
     * PostgreSQL away for two minutes while measurements keep arriving on the topic: neighbourhood-service's consumer
     * holds them and retries, is never called unhealthy and never skips them; every service is not ready while its
     * database is away (answered at once) and ready again after, without a restart; each measurement counts once.
     */
    @Test
    @Order(6)
    void aTwoMinuteDatabaseOutageUnderLoadLosesNothingAndRestartsNoService() {
        String area = town.neighbourhoods.get(1);
        int before = version(area);
        Map<String, Long> pids = new HashMap<>();
        Platform.PORTS.keySet().forEach(service -> pids.put(service, Platform.pid(service)));
        // each newer than every measurement of the area before (the consumer-killed test measured up to month 79, 2024-08),
        // so that each changes its status, and newer than the one before
        List<String> sent = new ArrayList<>(monitor(area, 80, 5));
        long outage = 120_000;
        long slowestProbe = 0;
        int probes = 0;
        int published = 0;
        long stoppedAt = System.currentTimeMillis();
        try {
            Platform.stop("postgres");
            while (System.currentTimeMillis() - stoppedAt < outage) {
                // as evaluation-service's relay would publish them: the consumer gets them while it cannot store them
                String id = UUID.randomUUID().toString();
                int i = 85 + published;
                LocalDate month = LocalDate.of(2018, 1, 1).plusMonths(i);
                Topics.send("evaluation.measurements.v1", area, "{\"measurementId\":\"" + id + "\",\"areaCode\":\"" + area
                        + "\",\"indicator\":\"tenant.feeling-at-home\",\"value\":" + value(i) + ",\"period\":\""
                        + month.getYear() + "-" + String.format("%02d", month.getMonthValue()) + "\",\"respondents\":50,"
                        + "\"instrument\":\"survey\",\"corporationId\":\"" + town.corporation + "\",\"recordedAt\":\""
                        + Instant.now() + "\"}", cloudEvent("nl.leefbaarheid.measurement.recorded.v1", area));
                sent.add(id);
                published++;
                for (String service : Platform.PORTS.keySet()) {
                    long started = System.nanoTime();
                    int ready = given().baseUri(Platform.url(service)).get("/q/health/ready").statusCode();
                    int live = given().baseUri(Platform.url(service)).get("/q/health/live").statusCode();
                    slowestProbe = Math.max(slowestProbe, Duration.ofNanos(System.nanoTime() - started).toMillis());
                    probes++;
                    if (System.currentTimeMillis() - stoppedAt > 15_000) {
                        assertThat(ready).as(service + " ready without its database").isEqualTo(503);
                    }
                    assertThat(live).as(service + " live without its database").isEqualTo(200);
                }
                WebhookReceiver.sleep(10_000);
            }
        } finally {
            Platform.startPostgres();
        }
        long downFor = System.currentTimeMillis() - stoppedAt;
        for (String service : Platform.PORTS.keySet()) {
            Eventually.await(service + " ready again", () -> Platform.ready(service), r -> r, ASYNC);
            assertThat(Platform.pid(service)).as(service + " was not restarted").isEqualTo(pids.get(service));
        }
        assertThat(slowestProbe).as("slowest pair of readiness and liveness answers, ms").isLessThan(1_000);
        sent.addAll(monitor(area, 85 + published, 3));
        Map<String, Integer> reasons = arrivedReasons(area, before, sent);
        assertThat(reasons.keySet()).as("measurements reflected in the status").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(reasons.values()).as("times each was counted").containsOnly(1);
        System.out.printf("FAULT postgres-outage-2min: PostgreSQL down for %d s; %d measurements reached the consumer while it"
                + " was down, %d before and after; all %d reached the status once; liveness 200 and readiness 503 in all 4 services"
                + " (%d probe pairs, slowest %d ms); no service restarted%n", downFor / 1000, published, sent.size() - published,
                reasons.size(), probes, slowestProbe);
    }

    /**
     * Two instances of evaluation-service, as two replicas would run: each takes measurements, and their relays share one
     * outbox. Only one relay publishes at a time, so the measurements of each area arrive in the order they were taken.
     */
    @Test
    @Order(7)
    void twoInstancesOfEvaluationServiceKeepTheOrderOfEachAreasMeasurements() {
        int port = Platform.PORTS.get("evaluation") + 10;
        Process second = Platform.startSecondInstance("evaluation", port);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        int perInstance = 0;
        try {
            for (int i = 0; i < 80; i++) {
                String area = town.neighbourhoods.get(i % town.neighbourhoods.size());
                String base = i % 2 == 0 ? Platform.url("evaluation") : "http://127.0.0.1:" + port;
                LocalDate month = LocalDate.of(2019, 1, 1).plusMonths(i);
                String id = given().baseUri(base).auth().oauth2(town.corporationToken()).contentType(ContentType.JSON)
                        .body(Map.of("areaCode", area, "indicator", "tenant.clean-and-intact", "value", 5.0 + (i % 40) / 10.0,
                                "period", month.getYear() + "-" + String.format("%02d", month.getMonthValue()), "respondents", 30,
                                "instrument", "survey", "sourceSystem", "e2e-two-relays"))
                        .post("/api/v1/measurements").then().statusCode(201).extract().jsonPath().getString("measurementIds[0]");
                sent.computeIfAbsent(area, a -> new ArrayList<>()).add(id);
                perInstance += i % 2;
            }
            Map<String, List<String>> arrived = new HashMap<>();
            try (Topics topic = Topics.fromStart("evaluation.measurements.v1")) {
                Set<String> ids = sent.values().stream().flatMap(List::stream).collect(Collectors.toSet());
                Set<String> events = new java.util.HashSet<>();
                Eventually.await("every measurement published", () -> {
                    for (ConsumerRecord<String, String> r : topic.readToEnd()) {
                        String id = read(r.value()).path("measurementId").asText();
                        if (ids.contains(id) && events.add(Topics.header(r, "ce_id"))) {
                            arrived.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(id); // first arrival of each event
                        }
                    }
                    return arrived.values().stream().mapToInt(List::size).sum();
                }, n -> n >= ids.size(), ASYNC);
            }
            sent.forEach((area, ids) -> assertThat(arrived.get(area)).as("order of the measurements of " + area).isEqualTo(ids));
        } finally {
            second.destroy();
            try {
                second.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.printf("FAULT two-relays: 2 instances of evaluation-service took %d measurements of %d areas (%d by the second);"
                + " all published, each area's in the order they were taken%n", sent.values().stream().mapToInt(List::size).sum(),
                sent.size(), perInstance);
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Map<String, Object> batch(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(Map.of("areaCode", town.neighbourhoods.get(i), "indicator", "tenant.feeling-at-home", "value", 6.0 + (n % 30) / 10.0,
                    "period", "2021-Q" + (n % 4 + 1), "respondents", 1000 + n, "instrument", "survey", "sourceSystem", "e2e-load"));
        }
        return Map.of("measurements", rows);
    }

    private static Response postBatch(Map<String, Object> batch, String key) {
        return api("evaluation", town.corporationToken()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(batch).post("/api/v1/measurements/batch");
    }

    private static void count(Map<String, AtomicInteger> answers, String what, Response answer, List<String> wrong) {
        int status = answer.statusCode();
        synchronized (answers) {
            answers.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
        }
        boolean retryable = status == 503 && answer.header("Retry-After") != null
                && answer.contentType().startsWith("application/problem+json");
        if (status >= 300 && !retryable) {
            wrong.add(what + " " + status + " " + answer.asString());
        }
    }

    /** Monitoring measurements (no deployment) of the tenant survey, one a month, each with a new value. */
    private static List<String> monitor(String area, int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            LocalDate month = LocalDate.of(2018, 1, 1).plusMonths(i);
            ids.addAll(api("evaluation", town.corporationToken()).contentType(ContentType.JSON)
                    .body(Map.of("areaCode", area, "indicator", "tenant.feeling-at-home", "value", value(i),
                            "period", month.getYear() + "-" + String.format("%02d", month.getMonthValue()), "respondents", 50,
                            "instrument", "survey", "sourceSystem", "e2e-stream"))
                    .post("/api/v1/measurements").then().statusCode(201).extract().jsonPath().getList("measurementIds", String.class));
        }
        return ids;
    }

    private static double value(int i) {
        return 5.0 + (i % 40) / 10.0;
    }

    /**
     * How many status versions after {@code before} name each measurement in their reason (a version recalculated for a
     * batch names every measurement of the area in it), once every one of {@code expected} is named.
     */
    private static Map<String, Integer> arrivedReasons(String area, int before, List<String> expected) {
        return Eventually.await("status versions of " + area + " naming the " + expected.size() + " measurements",
                () -> {
                    List<Map<String, Object>> history = api("neighbourhood", town.admin).queryParam("size", 500)
                            .get("/api/v1/areas/{code}/status/history", area).then().statusCode(200).extract().jsonPath()
                            .<Map<String, Object>>getList("items");
                    Map<String, Integer> named = new HashMap<>();
                    history.stream().filter(e -> (Integer) e.get("version") > before)
                            .forEach(e -> MEASUREMENT_ID.matcher((String) e.get("reason")).results()
                                    .forEach(m -> named.merge(m.group(), 1, Integer::sum)));
                    return named;
                }, named -> named.keySet().containsAll(expected), ASYNC);
    }

    private static final java.util.regex.Pattern MEASUREMENT_ID = java.util.regex.Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static JsonPath status(String area) {
        return api("neighbourhood", town.admin).get("/api/v1/areas/{code}/status", area).then().statusCode(200).extract().jsonPath();
    }

    private static int version(String area) {
        return status(area).getInt("version");
    }

    /** Waits until no district or municipality waits for its roll-up and neighbourhood-service's outbox is empty. */
    private static void awaitStatusesSettled() {
        Eventually.await("no roll-up waiting and no status event in the outbox", () -> given().baseUri(Platform.url("neighbourhood"))
                .get("/q/metrics").then().statusCode(200).extract().asString(),
                metrics -> metrics.contains("status_rollups_pending 0.0") && metrics.contains("outbox_backlog 0.0"), ASYNC);
    }

    /** The version of every neighbourhood status of the town and of Demostad. */
    private static Map<String, Integer> versions() {
        Map<String, Integer> versions = new TreeMap<>();
        for (String municipality : List.of(town.municipality, "GM0999")) {
            api("neighbourhood", town.admin).queryParam("municipality", municipality).queryParam("size", 500)
                    .get("/api/v1/rankings").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")
                    .forEach(item -> versions.put((String) item.get("areaCode"), version((String) item.get("areaCode"))));
            versions.put(municipality, version(municipality));
        }
        return versions;
    }

    /** The cursor of the newest signal in the feed. */
    private static long lastSignal() {
        long cursor = 0;
        while (true) {
            JsonPath page = api("partner", town.admin).queryParam("after", cursor).queryParam("size", 500).get("/api/v1/signals")
                    .then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getLong("nextCursor");
        }
    }

    private static void awaitNoLag(String group, String topic) {
        Eventually.await(group + " has read all of " + topic, () -> Topics.lag(group, topic), lag -> lag == 0, ASYNC);
    }

    private static Map<String, String> cloudEvent(String type, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/e2e-tests", "ce_subject", subject, "content-type", "application/json");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
