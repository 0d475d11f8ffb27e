package nl.leefbaarheid.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.catalog.TestSpecs;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.entity.Intervention;
import nl.leefbaarheid.catalog.entity.InterventionRevision;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InterventionApiTest {

    static final String TOPIC = "catalog.interventions.v1";

    @Inject
    ObjectMapper json;

    String theme;
    String subtopic;

    /** A fresh theme and subtopic per test, so tests never see each other's interventions. */
    @BeforeEach
    void toolbox() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        theme = "thema-" + suffix;
        subtopic = "samenleven-" + suffix;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", theme, "name", "Thema " + suffix)).post("/api/v1/themes").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", subtopic, "name", "Samenleven " + suffix))
                .post("/api/v1/themes/{t}/subtopics", theme).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/themes/" + theme + "/subtopics/" + subtopic));
        given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/themes/{t}/subtopics/{s}", theme, subtopic)
                .then().statusCode(200).body("themeCode", equalTo(theme));
    }

    /**
     * Creates a draft with a code no demo or production intervention has: tests share the real topic with the
     * platform, and other services read every event on it.
     */
    String create(InterventionSpec spec) {
        if (spec.code() == null) {
            spec = spec.withCode("test-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return given().auth().oauth2(Tokens.corporation("corp-demo")).contentType(ContentType.JSON).body(spec)
                .post("/api/v1/interventions").then().statusCode(201).extract().path("id");
    }

    void publish(String id) {
        given().auth().oauth2(Tokens.admin()).post("/api/v1/interventions/{id}/publish", id).then().statusCode(200);
    }

    @Test
    void aPublishedInterventionIsRevisedAndKeepsItsEarlierRevisions() {
        String code = "moestuin-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.atEnd(TOPIC)) {
            String id = create(TestSpecs.moestuin(code, subtopic));
            assertThat(id).isEqualTo(code);
            publish(id);
            String etag = given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/interventions/{id}", id)
                    .then().statusCode(200).body("revision", equalTo(1)).body("status", equalTo("published"))
                    .body("evidenceValidUntil", equalTo("2029-03-01")).body("title", equalTo("Gemeenschappelijke moestuin"))
                    .extract().header("ETag");

            InterventionSpec changed = TestSpecs.moestuin(null, subtopic);
            changed = new InterventionSpec(null, subtopic, "Moestuin voor het hele complex", changed.summary(), changed.goal(),
                    changed.targetGroup(), changed.approach(), changed.workingElements(), changed.preconditions(),
                    changed.carriedOutBy(), changed.partnerTypes(), changed.corporationAlone(), changed.strategy(),
                    changed.dimensions(), changed.indicators(), changed.costBand(), 18, changed.evidenceLevel(),
                    changed.evidenceAssessedOn(), changed.examples(), changed.effectMeasurement());
            given().auth().oauth2(Tokens.corporation("corp-demo")).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(changed).put("/api/v1/interventions/{id}", id)
                    .then().statusCode(200).body("revision", equalTo(2)).body("publishedRevision", equalTo(2));

            // the old ETag is stale now: a second writer with it is refused and changes nothing
            given().auth().oauth2(Tokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(TestSpecs.moestuin(null, subtopic)).put("/api/v1/interventions/{id}", id)
                    .then().statusCode(412).contentType("application/problem+json");

            given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/interventions/{id}/revisions", id)
                    .then().statusCode(200).body("revision", contains(1, 2))
                    .body("title", contains("Gemeenschappelijke moestuin", "Moestuin voor het hele complex"));
            given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/interventions/{id}/revisions/1", id)
                    .then().statusCode(200).body("title", equalTo("Gemeenschappelijke moestuin")).body("durationMonths", equalTo(12));
            given().auth().oauth2(Tokens.admin()).get("/api/v1/interventions/{id}", id)
                    .then().body("title", equalTo("Moestuin voor het hele complex")).body("durationMonths", equalTo(18));

            // every publish and revision arrives on the real topic, keyed by the id, with the snapshot
            List<ConsumerRecord<String, String>> events = probe.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "nl.leefbaarheid.intervention.published.v1", "nl.leefbaarheid.intervention.revised.v1");
            JsonNode revised = read(events.get(1).value());
            assertThat(revised.path("interventionId").asText()).isEqualTo(id);
            assertThat(revised.path("revision").asInt()).isEqualTo(2);
            assertThat(revised.path("themeCode").asText()).isEqualTo(theme);
            assertThat(revised.path("subtopicCode").asText()).isEqualTo(subtopic);
            assertThat(revised.path("dimensions").toString()).isEqualTo("[\"soc\"]");
            assertThat(revised.path("effectMeasurement").path("instrument").asText()).isEqualTo("survey");
            assertThat(revised.path("effectMeasurement").path("minimalRelevantChange").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(revised.path("publishedAt").asText()).isNotBlank();
        }
    }

    @Test
    void theSameContentAgainMakesNoRevisionAndADraftIsEditedInPlace() {
        String id = create(TestSpecs.moestuin(null, subtopic));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.moestuin(null, subtopic))
                .put("/api/v1/interventions/{id}", id).then().statusCode(200).body("revision", equalTo(1)).body("status", equalTo("draft"));
        publish(id);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.moestuin(id, subtopic))
                .put("/api/v1/interventions/{id}", id).then().statusCode(200).body("revision", equalTo(1));
        long revisions = QuarkusTransaction.requiringNew().call(() -> InterventionRevision.count("key.interventionId", id));
        assertThat(revisions).isEqualTo(1);
    }

    @Test
    void draftsAreHiddenFromPartnersAndTheLifeCycleIsKept() {
        String id = create(TestSpecs.moestuin(null, subtopic));
        given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/interventions/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("politie-demostad")).queryParam("status", "draft").get("/api/v1/interventions")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.partner("politie-demostad")).post("/api/v1/interventions/{id}/publish", id)
                .then().statusCode(403);
        publish(id);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/interventions/{id}/publish", id).then().statusCode(409)
                .body("type", equalTo("https://leefbaarheid.nl/problems/conflict"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "Vervangen."))
                .post("/api/v1/interventions/{id}/retire", id).then().statusCode(200).body("status", equalTo("retired"))
                .body("retiredReason", equalTo("Vervangen."));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.moestuin(null, subtopic))
                .put("/api/v1/interventions/{id}", id).then().statusCode(409);
    }

    @Test
    void listFiltersCombineAndFreeTextIgnoresCaseAndAccents() {
        String moestuin = create(TestSpecs.moestuin(null, subtopic));
        String verlichting = create(TestSpecs.verlichting(null, subtopic));
        publish(moestuin);
        publish(verlichting);

        assertThat(ids(Map.of("theme", theme))).containsExactlyInAnyOrder(moestuin, verlichting);
        assertThat(ids(Map.of("theme", theme, "dimension", "onv"))).containsExactly(verlichting);
        assertThat(ids(Map.of("theme", theme, "strategy", "social-approach"))).containsExactly(moestuin);
        assertThat(ids(Map.of("theme", theme, "indicator", "tenant.feeling-at-home"))).containsExactly(moestuin);
        assertThat(ids(Map.of("theme", theme, "evidenceLevel", "effective-good-indications"))).containsExactly(verlichting);
        assertThat(ids(Map.of("theme", theme, "costBand", "low"))).containsExactly(moestuin);
        assertThat(ids(Map.of("theme", theme, "corporationAlone", "true"))).containsExactly(verlichting);
        assertThat(ids(Map.of("subtopic", subtopic, "q", "EEN KEER moestuin"))).containsExactly(moestuin); // "één keer" in the summary
        assertThat(ids(Map.of("subtopic", subtopic, "q", "moestuin portieken"))).isEmpty();

        given().auth().oauth2(Tokens.admin()).queryParam("dimension", "xyz").get("/api/v1/interventions")
                .then().statusCode(400).body("errors.field", hasItem("dimension"));
    }

    @Test
    void recommendationsTargetTheWeakDimensionsBestFirstWithReasons() {
        String moestuin = create(TestSpecs.moestuin(null, subtopic));
        String verlichting = create(TestSpecs.verlichting(null, subtopic));
        publish(moestuin);
        publish(verlichting);

        List<Map<String, Object>> forSoc = given().auth().oauth2(Tokens.partner("gemeente-demostad"))
                .queryParam("weakDimension", "soc").queryParam("limit", 100).get("/api/v1/recommendations")
                .then().statusCode(200).extract().path("findAll { it.subtopicCode == '" + subtopic + "' }");
        assertThat(forSoc).extracting(r -> r.get("interventionId")).containsExactly(moestuin);
        assertThat((List<String>) forSoc.get(0).get("reasons")).first().isEqualTo("Targets soc: 1 of the 1 weak dimension.");

        given().auth().oauth2(Tokens.admin()).queryParam("weakDimension", "onv").queryParam("weakDimension", "soc")
                .queryParam("partnerType", "police").queryParam("limit", 100).get("/api/v1/recommendations")
                .then().statusCode(200)
                .body("findAll { it.subtopicCode == '" + subtopic + "' }.interventionId", contains(verlichting, moestuin))
                .body("find { it.interventionId == '" + moestuin + "' }.missingPartnerTypes", contains("welfare"))
                .body("find { it.interventionId == '" + moestuin + "' }.feasible", equalTo(false));

        given().auth().oauth2(Tokens.admin()).get("/api/v1/recommendations").then().statusCode(400);
    }

    @Test
    void badInputGetsFieldErrorsAndStoresNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Intervention.count());
        Map<String, Object> bad = Map.of("subtopicCode", "bestaat-niet", "title", "", "strategy", "social-approach",
                "dimensions", List.of("soc"), "corporationAlone", false, "costBand", "low", "summary", "x", "goal", "y",
                "effectMeasurement", Map.of("indicators", List.of("Not An Indicator"), "instrument", "survey",
                        "baselineMonths", 0, "finalMonths", 12, "expectedDirection", "increase", "minimalRelevantChange", -1));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(bad).post("/api/v1/interventions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "effectMeasurement.indicators[0]",
                        "effectMeasurement.minimalRelevantChange"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "strategy", "iets-anders")).post("/api/v1/interventions")
                .then().statusCode(400).body("errors[0].field", equalTo("strategy"))
                .body("errors[0].message", equalTo("must be one of: living-environment, social-approach, housing-use, housing-programme"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(TestSpecs.moestuin(null, "bestaat-niet"))
                .post("/api/v1/interventions").then().statusCode(400)
                .body("errors.field", contains("subtopicCode")).body("errors.message", not(hasItem(equalTo(null))));
        long after = QuarkusTransaction.requiringNew().call(() -> Intervention.count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aThemeNamedLikeAnotherIsRefusedSinceEachThemeIsASheetOfTheWorkbook() {
        String suffix = theme.substring("thema-".length());
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "ander-" + suffix, "name", "THEMA " + suffix)).post("/api/v1/themes")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/toolbox").then().statusCode(200);
    }

    @Test
    void valuesOfTheWrongTypeAreFieldErrorsNotConverted() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", 42, "name", "Getal als code")).post("/api/v1/themes")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "getal-" + theme, "name", "Positie", "position", 2.5)).post("/api/v1/themes")
                .then().statusCode(400).body("errors[0].field", equalTo("position"));
        given().auth().oauth2(Tokens.admin()).queryParam("corporationAlone", "misschien").get("/api/v1/interventions")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.containsString("corporationAlone"));
    }

    List<String> ids(Map<String, String> query) {
        Response response = given().auth().oauth2(Tokens.admin()).queryParams(query).queryParam("size", 500)
                .get("/api/v1/interventions");
        response.then().statusCode(200);
        return response.path("items.id");
    }

    JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
