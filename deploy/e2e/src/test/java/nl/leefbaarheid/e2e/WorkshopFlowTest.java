package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.contractApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A workshop as the partners hold it, across the services: planned by the coordinator, opened, problems pinned by three
 * participants who each cast their own votes, the priority list read live, actions chosen, the session closed; the action
 * with a catalogue intervention becomes a deployment of the corporation in evaluation-service (over Kafka and back), which
 * the corporation runs and completes, and the action sees the verdict. Every call goes through the Prism contract proxies.
 */
class WorkshopFlowTest {

    static final Duration ASYNC = Duration.ofSeconds(60);

    static Town town;

    @BeforeAll
    static void platform() {
        Platform.start();
        Platform.startContractProxies();
        town = Town.create("Werkdorp");
    }

    @Test
    void aWorkshopFromPlannedToClosedWithAnActionThatBecameADeployment() {
        String coordinator = town.partnerToken();
        String welfare = Platform.partnerToken(town.welfarePartner);
        String corporation = town.corporationToken();
        String collaboration = town.collaboration();
        String nb1 = town.neighbourhoods.get(0);
        String nb2 = town.neighbourhoods.get(1);
        String workshops = "/api/v1/collaborations/" + collaboration + "/workshops";

        String workshop = contractApi("partner", coordinator).contentType(ContentType.JSON).body(Map.of("title", "Werkatelier " + town.municipality,
                "heldOn", LocalDate.now().toString(), "participants", List.of(town.municipalityPartner, town.welfarePartner, town.corporation),
                "areas", List.of(nb1, nb2))).post(workshops).then().statusCode(201).body("state", equalTo("planned")).extract().path("id");
        String at = workshops + "/" + workshop;
        contractApi("partner", coordinator).post(at + "/open").then().statusCode(200).body("state", equalTo("open"));

        // three participants pin, each votes for itself; the list follows
        long nuisance = pin(coordinator, at, nb2, "onv", 4, "Jongeren hangen rond bij het winkelplein");
        long litter = pin(corporation, at, nb2, "fys", 3, "Grofvuil in de bergingsgangen");
        long lonely = pin(welfare, at, nb1, "soc", 2, "Ouderen vereenzamen");
        vote(coordinator, at, nuisance, 3);
        vote(welfare, at, nuisance, 2);
        vote(corporation, at, litter, 2);
        vote(welfare, at, lonely, 1);
        contractApi("partner", welfare).get(at + "/priorities").then().statusCode(200)
                .body("items.pinId", contains((int) nuisance, (int) litter, (int) lonely)).body("items.score", contains(20, 6, 2));

        long mediation = contractApi("partner", coordinator).contentType(ContentType.JSON).body(Map.of("pinId", nuisance,
                "interventionId", "buurtbemiddeling", "description", "Buurtbemiddeling bij het winkelplein", "ownerId", town.welfarePartner,
                "dueOn", LocalDate.now().plusMonths(3).toString(), "corporationAlone", false)).post(at + "/actions").then().statusCode(201)
                .extract().<Number>path("id").longValue();
        contractApi("partner", corporation).contentType(ContentType.JSON).body(Map.of("pinId", litter, "description",
                "Extra grofvuilronde", "ownerId", town.corporation, "dueOn", LocalDate.now().plusMonths(1).toString(), "corporationAlone", true))
                .post(at + "/actions").then().statusCode(201);
        contractApi("partner", coordinator).post(at + "/close").then().statusCode(200).body("state", equalTo("closed"))
                .body("priorities[0].pinId", equalTo((int) nuisance)).body("actions.size()", equalTo(2));
        Eventually.await("the workshop signals in the feed", () -> contractApi("partner", welfare).queryParam("size", 500).get("/api/v1/signals")
                .then().statusCode(200).extract().<List<String>>path("items.findAll { it.collaborationId == '" + collaboration + "' }.type"),
                types -> types.containsAll(List.of("workshop-planned", "workshop-closed")), ASYNC);

        // the owner follows it up; the corporation turns it into a deployment in evaluation-service
        String action = at + "/actions/" + mediation;
        contractApi("partner", welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("status", "in-progress", "note", "Bemiddelaars ingewerkt")).patch(action).then().statusCode(200)
                .body("status", equalTo("in-progress"));
        LocalDate start = LocalDate.now().minusMonths(13).withDayOfMonth(1);
        String deployment = contractApi("partner", corporation).contentType(ContentType.JSON).body(Map.of("startDate", start.toString(),
                "plannedEndDate", start.plusMonths(12).toString(), "budget", 15000, "comparisonAreas", List.of(town.neighbourhoods.get(2))))
                .post(action + "/deployment").then().statusCode(202).body("deployment.state", equalTo("requested"))
                .extract().path("deployment.id");
        Eventually.await("the deployment planned in evaluation-service", () -> contractApi("partner", coordinator).get(action).then()
                .statusCode(200).extract().<String>path("deployment.state"), "planned"::equals, ASYNC);
        contractApi("evaluation", corporation).get("/api/v1/deployments/{id}", deployment).then().statusCode(200)
                .body("status", equalTo("planned")).body("interventionId", equalTo("buurtbemiddeling")).body("areaCode", equalTo(nb2))
                .body("origin.workshopId", equalTo(workshop)).body("origin.actionId", equalTo((int) mediation))
                .body("partners", hasItem(town.welfarePartner)).body("comparisonAreas", contains(town.neighbourhoods.get(2)));
        contractApi("evaluation", welfare).get("/api/v1/deployments/{id}", deployment).then().statusCode(200);

        // the corporation runs and completes it: the verdict comes back to the action
        contractApi("evaluation", corporation).post("/api/v1/deployments/{id}/start", deployment).then().statusCode(200);
        String verdict = contractApi("evaluation", corporation).contentType(ContentType.JSON).body(Map.of("endDate", LocalDate.now().toString()))
                .post("/api/v1/deployments/{id}/complete", deployment).then().statusCode(200).extract().path("result.verdict");
        Eventually.await("the verdict at the action", () -> contractApi("partner", coordinator).get(action).then().statusCode(200)
                .extract().<String>path("deployment.verdict"), verdict::equals, ASYNC);
        contractApi("partner", coordinator).get(action).then().body("deployment.state", equalTo("completed"));
        assertThat(contractApi("partner", coordinator).queryParam("ownerId", town.welfarePartner)
                .get("/api/v1/collaborations/{c}/actions", collaboration).then().statusCode(200).extract().<List<Integer>>path("items.id"))
                .containsExactly((int) mediation);
    }

    static long pin(String token, String at, String area, String dimension, int severity, String description) {
        return contractApi("partner", token).contentType(ContentType.JSON).body(Map.of("areaCode", area, "dimension", dimension,
                "severity", severity, "description", description)).post(at + "/pins").then().statusCode(201).extract().<Number>path("id")
                .longValue();
    }

    static void vote(String token, String at, long pin, int votes) {
        contractApi("partner", token).contentType(ContentType.JSON).body(Map.of("votes", votes)).put(at + "/pins/" + pin + "/vote").then()
                .statusCode(200);
    }
}
