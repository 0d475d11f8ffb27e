package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.platform.testing.Eventually;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A workshop from planned to closed: participants pin and vote each for themselves, the priority list follows, actions
 * are followed up by their owner or the coordinator, become overdue, and one becomes a deployment whose planning and
 * verdict come back from evaluation-service (played here on the real topic).
 */
@QuarkusTest
class WorkshopProcessTest {

    static final String GM = "GM0918";
    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "mp.messaging.incoming.results.group.id")
    String groupId;

    final String coordinator = Tokens.partner("gemeente-0918");
    final String police = Tokens.partner("politie-0918");
    final String welfare = Tokens.partner("welzijn-0918");
    final String tenants = Tokens.partner("huurders-0918");
    final String corporation = Tokens.corporation("corp-0918");

    String setUp() {
        Fixtures.organisation("gemeente-0918", "municipality", GM);
        Fixtures.organisation("politie-0918", "police", GM);
        Fixtures.organisation("welzijn-0918", "welfare", GM);
        Fixtures.organisation("huurders-0918", "tenant-organisation", GM);
        Fixtures.organisation("ggz-0918", "care", GM);
        Fixtures.organisation("corp-0918", "corporation", GM);
        Fixtures.organisation("gemeente-0919", "municipality", "GM0919");
        return Fixtures.collaboration("corp-0918", GM, "gemeente-0918", List.of("politie-0918", "welzijn-0918", "huurders-0918", "ggz-0918"),
                List.of("WK091801"), false, false);
    }

    @Test
    void aWorkshopRunsFromPlannedToClosedAndItsActionsAreFollowedUp() throws Exception {
        String collaboration = setUp();
        String base = "/api/v1/collaborations/" + collaboration + "/workshops";
        Map<String, Object> plan = Map.of("title", "Werkatelier Oostbuurt", "heldOn", "2026-04-14",
                "participants", List.of("gemeente-0918", "politie-0918", "welzijn-0918", "huurders-0918", "corp-0918"),
                "areas", List.of("BU09180101", "BU09180102"));
        // only the coordinator, the corporation or the admin plans; participants are members or the corporation
        given().auth().oauth2(police).contentType(ContentType.JSON).body(plan).post(base).then().statusCode(403);
        given().auth().oauth2(Tokens.partner("gemeente-0919")).contentType(ContentType.JSON).body(plan).post(base).then().statusCode(404);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "heldOn", "2026-04-14", "participants", List.of("gemeente-0919"), "areas", List.of("BU09190101")))
                .post(base).then().statusCode(400).body("errors.field", contains("participants[0]", "areas[0]"));
        String workshop = given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(plan).post(base).then().statusCode(201)
                .body("state", equalTo("planned")).extract().path("id");
        String at = base + "/" + workshop;
        assertThat(signalTypes(collaboration)).contains("workshop-planned");

        // nothing is pinned before the session opens
        Map<String, Object> hangplek = Map.of("areaCode", "BU09180102", "location", "Pleintje", "complexId", "OB-02", "dimension", "onv",
                "severity", 4, "description", "Jongeren hangen rond");
        given().auth().oauth2(police).contentType(ContentType.JSON).body(hangplek).post(at + "/pins").then().statusCode(409);
        given().auth().oauth2(police).post(at + "/open").then().statusCode(403);
        given().auth().oauth2(coordinator).post(at + "/open").then().statusCode(200).body("state", equalTo("open"));
        given().auth().oauth2(coordinator).post(at + "/open").then().statusCode(409);

        // three participants pin; a member who is no participant, the admin, and an area not on the table are refused
        long pinOfPolice = pin(police, at, hangplek);
        long pinOfTenants = pin(tenants, at, Map.of("areaCode", "BU09180101", "location", "Galerijen", "dimension", "fys", "severity", 3,
                "description", "Vervuilde galerijen"));
        long pinOfWelfare = pin(welfare, at, Map.of("areaCode", "BU09180101", "dimension", "soc", "severity", 2,
                "description", "Nieuwe bewoners kennen niemand"));
        given().auth().oauth2(Tokens.partner("ggz-0918")).contentType(ContentType.JSON).body(hangplek).post(at + "/pins").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(hangplek).post(at + "/pins").then().statusCode(403);
        Map<String, Object> elsewhere = new java.util.HashMap<>(hangplek);
        elsewhere.put("areaCode", "BU09180201");
        given().auth().oauth2(police).contentType(ContentType.JSON).body(elsewhere).post(at + "/pins").then().statusCode(400)
                .body("errors[0].field", equalTo("areaCode"));

        // each casts its own votes; casting again replaces them; the priority list follows at once
        vote(police, at, pinOfPolice, 3).body("votes.'politie-0918'", equalTo(3));
        vote(tenants, at, pinOfPolice, 3);
        vote(tenants, at, pinOfTenants, 2);
        vote(coordinator, at, pinOfPolice, 5);
        vote(coordinator, at, pinOfPolice, 1).body("votes", equalTo(Map.of("politie-0918", 3, "huurders-0918", 3, "gemeente-0918", 1)));
        vote(welfare, at, pinOfWelfare, 11).statusCode(400);
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body(Map.of("votes", 1))
                .put(at + "/pins/{pin}/vote", 999_999_999L).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("ggz-0918")).contentType(ContentType.JSON).body(Map.of("votes", 1))
                .put(at + "/pins/{pin}/vote", pinOfPolice).then().statusCode(403);
        given().auth().oauth2(welfare).get(at + "/priorities").then().statusCode(200)
                .body("items.pinId", contains((int) pinOfPolice, (int) pinOfTenants, (int) pinOfWelfare))
                .body("items.score", contains(28, 6, 2)).body("items[0].voters", equalTo(3))
                .body("items[0].reasons", hasItem(containsString("7 votes from 3 participants")))
                .body("items[2].reasons", hasItem(containsString("no votes yet")));

        // actions on pins: the owner is a member or the corporation
        String dueSoon = LocalDate.now().plusMonths(4).toString();
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(action(pinOfPolice, null, "gemeente-0919", dueSoon))
                .post(at + "/actions").then().statusCode(400).body("errors[0].field", equalTo("ownerId"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(action(999_999_999L, null, "welzijn-0918", dueSoon))
                .post(at + "/actions").then().statusCode(404);
        int youthWork = given().auth().oauth2(welfare).contentType(ContentType.JSON)
                .body(action(pinOfPolice, "jongerenwerk-op-hangplekken", "welzijn-0918", dueSoon)).post(at + "/actions").then()
                .statusCode(201).header("ETag", "\"1\"").body("status", equalTo("open")).body("areaCode", equalTo("BU09180102"))
                .body("complexId", equalTo("OB-02")).extract().path("id");
        int cleaning = given().auth().oauth2(corporation).contentType(ContentType.JSON)
                .body(action(pinOfTenants, "schoonmaak-trappenhuizen", "corp-0918", LocalDate.now().minusDays(3).toString()))
                .post(at + "/actions").then().statusCode(201).extract().path("id");
        int welcome = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(action(pinOfWelfare, null, "huurders-0918", dueSoon)).post(at + "/actions").then().statusCode(201).extract().path("id");

        // the follow-up: only the owner or the coordinator, for the version read
        String youth = at + "/actions/" + youthWork;
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body(Map.of("status", "in-progress")).patch(youth).then().statusCode(428);
        given().auth().oauth2(police).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "in-progress"))
                .patch(youth).then().statusCode(403);
        given().auth().oauth2(corporation).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "done"))
                .patch(youth).then().statusCode(403);
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "half-af"))
                .patch(youth).then().statusCode(400).body("errors[0].field", containsString("status"));
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "in-progress", "note", "Eerste avond gedraaid")).patch(youth).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("in-progress")).body("statusNote", equalTo("Eerste avond gedraaid"));
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "done"))
                .patch(youth).then().statusCode(412);
        String welcomeAt = at + "/actions/" + welcome;
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "dropped"))
                .patch(welcomeAt).then().statusCode(200).body("status", equalTo("dropped"));
        given().auth().oauth2(Tokens.partner("huurders-0918")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("status", "open")).patch(welcomeAt).then().statusCode(409);

        // overdue: listed per collaboration and per owner, and signalled once to the collaboration
        given().auth().oauth2(police).queryParam("overdue", true).get("/api/v1/collaborations/{c}/actions", collaboration).then()
                .statusCode(200).body("items.id", contains(cleaning)).body("items[0].overdue", equalTo(true));
        given().auth().oauth2(corporation).queryParam("overdue", "true").get("/api/v1/organisations/corp-0918/actions").then()
                .statusCode(200).body("items.id", contains(cleaning));
        given().auth().oauth2(police).queryParam("overdue", "misschien").get("/api/v1/collaborations/{c}/actions", collaboration).then()
                .statusCode(400);
        given().auth().oauth2(corporation).get("/api/v1/organisations/bestaat-niet/actions").then().statusCode(404);
        given().auth().oauth2(Tokens.partner("gemeente-0919")).get("/api/v1/organisations/corp-0918/actions").then().statusCode(200)
                .body("items", hasSize(0));
        Eventually.holds(Duration.ofSeconds(30), () -> assertThat(signalTypes(collaboration)).contains("action-overdue"));

        // the session closes: pins stand, the partners hear of it with the top of the list
        given().auth().oauth2(coordinator).post(at + "/close").then().statusCode(200).body("state", equalTo("closed"))
                .body("priorities[0].pinId", equalTo((int) pinOfPolice)).body("actions", hasSize(3));
        given().auth().oauth2(police).contentType(ContentType.JSON).body(hangplek).post(at + "/pins").then().statusCode(409);
        vote(police, at, pinOfTenants, 1).statusCode(409);
        assertThat(signalTypes(collaboration)).contains("workshop-closed");

        // an action with an intervention becomes a deployment of the corporation; evaluation-service answers on its topic
        String deploy = youth + "/deployment";
        Map<String, Object> deployment = Map.of("startDate", "2026-05-01", "plannedEndDate", "2027-05-01", "budget", 18000);
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body(deployment).post(deploy).then().statusCode(403);
        given().auth().oauth2(corporation).contentType(ContentType.JSON).body(action(pinOfWelfare, null, "corp-0918", dueSoon))
                .post(at + "/actions").then().statusCode(201);
        given().auth().oauth2(corporation).contentType(ContentType.JSON).body(deployment)
                .post(at + "/actions/" + welcome + "/deployment").then().statusCode(409);
        String deploymentId;
        try (TopicProbe requests = TopicProbe.atEnd("partner.workshop-actions.v1")) {
            deploymentId = given().auth().oauth2(corporation).contentType(ContentType.JSON).body(deployment).post(deploy).then()
                    .statusCode(202).body("deployment.state", equalTo("requested")).extract().path("deployment.id");
            var sent = requests.await(r -> r.key().equals(deploymentId), 1, Duration.ofSeconds(30));
            assertThat(sent).hasSize(1);
            assertThat(TopicProbe.header(sent.get(0), "ce_type")).isEqualTo("nl.leefbaarheid.workshop-action.deployment-requested.v1");
            JsonNode data = JSON.readTree(sent.get(0).value());
            assertThat(data.path("corporationId").asText()).isEqualTo("corp-0918");
            assertThat(data.path("interventionId").asText()).isEqualTo("jongerenwerk-op-hangplekken");
            assertThat(data.path("areaCode").asText()).isEqualTo("BU09180102");
            assertThat(data.path("complexId").asText()).isEqualTo("OB-02");
            assertThat(data.path("partners").toString()).isEqualTo("[\"welzijn-0918\"]");
            assertThat(data.path("actionId").asInt()).isEqualTo(youthWork);
        }
        given().auth().oauth2(corporation).contentType(ContentType.JSON).body(deployment).post(deploy).then().statusCode(409);
        TopicProbe.awaitAssignment(groupId, "evaluation.results.v1", Duration.ofSeconds(30));
        result(deploymentId, "nl.leefbaarheid.evaluation.deployment-planned.v1", "{\"deploymentId\": \"" + deploymentId + "\"}");
        awaitDeployment(youth, "planned");
        result(deploymentId, "nl.leefbaarheid.evaluation.completed.v1", """
                {"deploymentId": "%s", "interventionId": "jongerenwerk-op-hangplekken", "interventionTitle": "Jongerenwerk",
                 "areaCode": "BU09180102", "corporationId": "corp-0918", "verdict": "improved", "indicators": []}""".formatted(deploymentId));
        awaitDeployment(youth, "completed").body("deployment.verdict", equalTo("improved"))
                .body("deployment.link", equalTo("/api/v1/deployments/" + deploymentId));

        // what a refusal looks like: the reason, and the request may be made again
        String cleaningAt = at + "/actions/" + cleaning;
        String refused = given().auth().oauth2(corporation).contentType(ContentType.JSON).body(deployment).post(cleaningAt + "/deployment")
                .then().statusCode(202).extract().path("deployment.id");
        result(refused, "nl.leefbaarheid.evaluation.deployment-refused.v1",
                "{\"deploymentId\": \"" + refused + "\", \"reason\": \"Intervention schoonmaak-trappenhuizen is retired.\"}");
        awaitDeployment(cleaningAt, "refused").body("deployment.note", equalTo("Intervention schoonmaak-trappenhuizen is retired."));
        given().auth().oauth2(corporation).contentType(ContentType.JSON).body(deployment).post(cleaningAt + "/deployment").then()
                .statusCode(202).body("deployment.state", equalTo("requested")).body("deployment.note", nullValue());
    }

    long pin(String token, String at, Map<String, Object> pin) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(pin).post(at + "/pins").then().statusCode(201)
                .extract().<Number>path("id").longValue();
    }

    ValidatableResponse vote(String token, String at, long pin, int votes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("votes", votes)).put(at + "/pins/{pin}/vote", pin).then();
    }

    static Map<String, Object> action(long pin, String intervention, String owner, String dueOn) {
        Map<String, Object> action = new java.util.HashMap<>(Map.of("pinId", pin, "description", "Actie " + UUID.randomUUID(),
                "ownerId", owner, "dueOn", dueOn, "corporationAlone", false));
        if (intervention != null) {
            action.put("interventionId", intervention);
        }
        return action;
    }

    List<String> signalTypes(String collaboration) {
        return given().auth().oauth2(coordinator).queryParam("size", 500).get("/api/v1/signals").then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("items").stream().filter(s -> collaboration.equals(s.get("collaborationId")))
                .map(s -> (String) s.get("type")).toList();
    }

    static void result(String deployment, String type, String data) {
        TopicProbe.send("evaluation.results.v1", deployment, data, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/evaluation-service", "ce_subject", deployment, "content-type", "application/json"));
    }

    ValidatableResponse awaitDeployment(String action, String state) {
        Eventually.holds(Duration.ofSeconds(30), () -> given().auth().oauth2(coordinator).get(action).then()
                .body("deployment.state", equalTo(state)));
        return given().auth().oauth2(coordinator).get(action).then().statusCode(200);
    }
}
