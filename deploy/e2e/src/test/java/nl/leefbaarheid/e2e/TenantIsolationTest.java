package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation as a matrix: every operation of every service, called on the data of corporation A and its
 * municipality (partner A) by corporation A, partner A, corporation B, partner B of another municipality, and the
 * admin. B never reads anything of A's that is not public and never changes anything of A's; A and the admin do
 * see it (so the matrix cannot pass by seeing nothing). Every operation also refuses expired, foreign and
 * malformed tokens. An operation added to an OpenAPI document without a row here fails the test.
 */
class TenantIsolationTest {

    enum Caller { CORPORATION_A, PARTNER_A, CORPORATION_B, PARTNER_B, ADMIN }

    static final Set<Caller> B = EnumSet.of(Caller.CORPORATION_B, Caller.PARTNER_B);
    static final ObjectMapper JSON = new ObjectMapper();

    static Town a;
    static Town b;
    static Map<Caller, String> tokens = new LinkedHashMap<>();
    static String deployment;
    static String collaboration;
    static String webhook;
    static String agreement;
    static String workshop;
    static final String CONTACT = "wijkregisseur@gemeente-a.example";
    static final String TENANT_MARK = "6.37";
    /** What only A (and those A shares with) may see. */
    static List<String> secrets;

    @BeforeAll
    static void twoTenants() throws Exception {
        Platform.start();
        a = Town.create("Aadorp");
        b = Town.create("Beekdorp");
        tokens.put(Caller.CORPORATION_A, a.corporationToken());
        tokens.put(Caller.PARTNER_A, a.partnerToken());
        tokens.put(Caller.CORPORATION_B, b.corporationToken());
        tokens.put(Caller.PARTNER_B, b.partnerToken());
        tokens.put(Caller.ADMIN, Platform.adminToken());
        String admin = Platform.adminToken();
        // the collaboration first: the status events of the import below become its signals
        collaboration = a.collaboration();
        api("neighbourhood", admin).contentType("text/csv").body(a.leefbaarometerCsv()).post("/api/v1/observations/leefbaarometer")
                .then().statusCode(200);
        // a tenant survey of corporation A: restricted figures
        api("neighbourhood", a.corporationToken()).contentType(ContentType.JSON).body(List.of(Map.of("areaCode", a.neighbourhoods.get(1),
                "complexId", "C-02", "indicator", "tenant.feeling-at-home", "period", "2026-Q2", "value", 6.37, "respondents", 77,
                "source", "kwh-huurderslabel", "corporationId", a.corporation))).post("/api/v1/observations").then().statusCode(200);
        Eventually.await("a signal of the collaboration", () -> api("partner", a.partnerToken()).get("/api/v1/signals?size=500")
                .then().statusCode(200).extract().asString(), body -> body.contains(collaboration), java.time.Duration.ofSeconds(60));
        try (WebhookReceiver receiver = new WebhookReceiver("isolatie-" + a.municipality + "-0123456789")) {
            webhook = a.webhook(receiver);
        }
        agreement = api("partner", admin).contentType(ContentType.JSON).body(Map.of("municipalityCode", a.municipality, "year", 2026,
                "title", "Thuisgevoel in " + a.neighbourhoods.get(1) + " naar een 7", "ownerId", a.municipalityPartner,
                "indicator", "tenant.feeling-at-home", "areaCode", a.neighbourhoods.get(1), "targetValue", 7.0, "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        workshop = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("title", "Werkatelier " + a.municipality,
                "heldOn", "2026-04-14", "participants", List.of(a.municipalityPartner, a.welfarePartner), "areas", List.of(a.neighbourhoods.get(1)),
                "pins", List.of(Map.of("areaCode", a.neighbourhoods.get(1), "location", "Plein", "dimension", "onv", "severity", 3,
                        "description", "Overlast op het plein", "votes", Map.of(a.municipalityPartner, 2)))))
                .post("/api/v1/collaborations/{id}/workshops", collaboration).then().statusCode(201).extract().path("id");
        api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("name", "Wijkregisseur", "email", CONTACT))
                .post("/api/v1/organisations/{id}/contacts", a.municipalityPartner).then().statusCode(201);
        LocalDate start = LocalDate.now().minusMonths(13).withDayOfMonth(1);
        deployment = Eventually.await("a deployment of corporation A", () -> api("evaluation", a.corporationToken())
                .contentType(ContentType.JSON).body(Map.of("interventionId", "buurtbemiddeling", "interventionRevision", 1,
                        "areaCode", a.neighbourhoods.get(1), "owner", "Wijkconsulent A", "startDate", start.toString(),
                        "plannedEndDate", start.plusMonths(12).toString(), "partners", List.of(a.welfarePartner)))
                .post("/api/v1/deployments").then().extract().<String>path("id"), id -> id != null, java.time.Duration.ofSeconds(60));
        secrets = List.of(deployment, collaboration, webhook, agreement, workshop, CONTACT, TENANT_MARK, "complex:" + a.corporation);
    }

    /** A row of the matrix: one operation on A's data, who must see its marker, and who may change it. */
    record Cell(String service, String method, String template, String path, Object body, String contentType, String marker,
            Set<Caller> seenBy, Set<Caller> allowedToWrite) {
        boolean write() {
            return !method.equals("GET");
        }
    }

    static List<Cell> matrix() {
        String nbA = a.neighbourhoods.get(1);
        String corpA = a.corporation;
        String corpPath = "/api/v1/corporations/" + corpA;
        Set<Caller> corpAandPartner = EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A);
        Set<Caller> none = EnumSet.noneOf(Caller.class);
        Set<Caller> corporations = EnumSet.of(Caller.CORPORATION_A, Caller.CORPORATION_B, Caller.ADMIN);
        Set<Caller> admin = EnumSet.of(Caller.ADMIN);
        Set<Caller> corpAWrites = EnumSet.of(Caller.CORPORATION_A, Caller.ADMIN);
        Map<String, Object> override = Map.of("colour", "green", "reason", "Overgenomen door een ander");
        Map<String, Object> end = Map.of("endDate", LocalDate.now().toString(), "reason", "Overgenomen door een ander");
        Map<String, Object> measurement = Map.of("deploymentId", deployment, "slot", "baseline", "areaCode", nbA,
                "indicator", "nuisance.reports-per-100-homes", "period", "2025-Q1", "value", 9.0, "instrument", "counts");
        List<Cell> cells = new ArrayList<>();
        // catalog-service: the toolbox is shared by every corporation; partners read it and never write it
        for (String[] read : new String[][] { { "/api/v1/interventions", "/api/v1/interventions" },
                { "/api/v1/interventions/{id}", "/api/v1/interventions/buurtbemiddeling" },
                { "/api/v1/interventions/{id}/revisions", "/api/v1/interventions/buurtbemiddeling/revisions" },
                { "/api/v1/interventions/{id}/revisions/{revision}", "/api/v1/interventions/buurtbemiddeling/revisions/1" },
                { "/api/v1/recommendations", "/api/v1/recommendations?weakDimension=soc" }, { "/api/v1/themes", "/api/v1/themes" },
                { "/api/v1/themes/{code}", "/api/v1/themes/sociale-leefbaarheid" },
                { "/api/v1/themes/{code}/subtopics", "/api/v1/themes/sociale-leefbaarheid/subtopics" },
                { "/api/v1/themes/{code}/subtopics/{subtopic}", "/api/v1/themes/sociale-leefbaarheid/subtopics/samenleven" },
                { "/api/v1/toolbox", "/api/v1/toolbox" } }) {
            cells.add(new Cell("catalog", "GET", read[0], read[1], null, null, null, none, none));
        }
        for (String[] write : new String[][] { { "POST", "/api/v1/interventions", "/api/v1/interventions" },
                { "PUT", "/api/v1/interventions/{id}", "/api/v1/interventions/buurtbemiddeling" },
                { "POST", "/api/v1/interventions/{id}/publish", "/api/v1/interventions/buurtbemiddeling/publish" },
                { "POST", "/api/v1/interventions/{id}/retire", "/api/v1/interventions/buurtbemiddeling/retire" },
                { "POST", "/api/v1/themes", "/api/v1/themes" },
                { "POST", "/api/v1/themes/{code}/subtopics", "/api/v1/themes/sociale-leefbaarheid/subtopics" } }) {
            cells.add(new Cell("catalog", write[0], write[1], write[2], Map.of("reason", "x"), "application/json", null, none, corporations));
        }
        cells.add(new Cell("catalog", "POST", "/api/v1/toolbox", "/api/v1/toolbox", new byte[] { 80, 75, 3, 4 },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null, none, corporations));
        // neighbourhood-service: public figures for all; complexes and tenant figures for A and whom A shares with
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas", "/api/v1/areas?parent=" + a.district, null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}", "/api/v1/areas/" + nbA, null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}/status", "/api/v1/areas/" + nbA + "/status", null, null,
                TENANT_MARK, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}/status/history", "/api/v1/areas/" + nbA + "/status/history",
                null, null, TENANT_MARK, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/comparisons", "/api/v1/comparisons?area=" + nbA + "&area="
                + a.neighbourhoods.get(0), null, null, TENANT_MARK, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/rankings", "/api/v1/rankings?municipality=" + a.municipality, null, null,
                nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/maps/resilience", "/api/v1/maps/resilience?municipality=" + a.municipality,
                null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/indicators", "/api/v1/indicators", null, null, null, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/indicators/{code}", "/api/v1/indicators/tenant.feeling-at-home", null, null,
                null, none, none));
        cells.add(new Cell("neighbourhood", "PUT", "/api/v1/areas/{code}/tenant-colour-override", "/api/v1/areas/" + nbA
                + "/tenant-colour-override", override, "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "DELETE", "/api/v1/areas/{code}/tenant-colour-override", "/api/v1/areas/" + nbA
                + "/tenant-colour-override", null, null, null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/complexes", corpPath + "/complexes", null, null,
                "C-02", corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/corporations/{corporationId}/complexes", corpPath + "/complexes",
                Map.of("code", "C-99", "name", "Indringer", "neighbourhoodCode", nbA, "homes", 10, "households", 10), "application/json",
                null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/complexes/{code}", corpPath + "/complexes/C-02",
                null, null, "C-02", corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/complexes/{code}/status", corpPath
                + "/complexes/C-02/status", null, null, TENANT_MARK, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/complexes/{code}/status/history", corpPath
                + "/complexes/C-02/status/history", null, null, TENANT_MARK, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "PUT", "/api/v1/corporations/{corporationId}/complexes/{code}/tenant-colour-override",
                corpPath + "/complexes/C-02/tenant-colour-override", override, "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/shares", corpPath + "/shares", null, null,
                a.municipalityPartner, EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("neighbourhood", "PUT", "/api/v1/corporations/{corporationId}/shares/{organisationId}", corpPath + "/shares/"
                + b.municipalityPartner, null, null, null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "DELETE", "/api/v1/corporations/{corporationId}/shares/{organisationId}", corpPath + "/shares/"
                + a.municipalityPartner, null, null, null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/working-area", corpPath + "/working-area", null,
                null, nbA, corpAandPartner, none));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/observations", "/api/v1/observations", List.of(Map.of("areaCode", nbA,
                "complexId", "C-02", "indicator", "tenant.feeling-at-home", "period", "2026-Q3", "value", 1.0, "respondents", 50,
                "source", "indringer", "corporationId", corpA)), "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/observations/leefbaarometer", "/api/v1/observations/leefbaarometer",
                "bu_code;bu_naam;jaar;lbm;afw\n" + nbA + ";X;2024;1,0;-3,0\n", "text/csv", null, none, admin));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/status-recalculations", "/api/v1/status-recalculations?municipality="
                + a.municipality, null, null, null, none, admin));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/areas", "/api/v1/areas", Map.of("code", a.neighbourhoods.get(0), "year", 2025,
                "name", "Indringer", "parentCode", a.district, "households", 1), "application/json", null, none, admin));
        // evaluation-service: A's deployment, for A and the partners involved in it
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments", "/api/v1/deployments?size=500", null, null, deployment,
                EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "POST", "/api/v1/deployments", "/api/v1/deployments", Map.of("interventionId", "buurtbemiddeling",
                "interventionRevision", 1, "areaCode", nbA, "corporationId", corpA, "owner", "Indringer", "startDate", "2026-01-01",
                "plannedEndDate", "2026-06-01"), "application/json", null, none, corpAWrites));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/due", "/api/v1/deployments/due?withinDays=366", null, null,
                deployment, EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/{id}", "/api/v1/deployments/" + deployment, null, null, deployment,
                EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/{id}/effect", "/api/v1/deployments/" + deployment + "/effect", null,
                null, "verdict", EnumSet.of(Caller.CORPORATION_A), none));
        for (String action : List.of("start", "complete", "stop")) {
            cells.add(new Cell("evaluation", "POST", "/api/v1/deployments/{id}/" + action, "/api/v1/deployments/" + deployment + "/" + action,
                    action.equals("start") ? null : end, action.equals("start") ? null : "application/json", null, none, corpAWrites));
        }
        cells.add(new Cell("evaluation", "POST", "/api/v1/measurements", "/api/v1/measurements", measurement, "application/json", null,
                none, corpAWrites));
        cells.add(new Cell("evaluation", "POST", "/api/v1/measurements/batch", "/api/v1/measurements/batch",
                Map.of("measurements", List.of(measurement)), "application/json", null, none, corpAWrites));
        // evaluation-service's reference data from neighbourhood-service: areas are public, a complex is its corporation's
        cells.add(new Cell("evaluation", "GET", "/api/v1/reference/areas/{code}", "/api/v1/reference/areas/" + nbA + "?year=2024",
                null, null, nbA, none, none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/reference/corporations/{corporationId}/complexes/{complexId}",
                "/api/v1/reference/corporations/" + corpA + "/complexes/C-02", null, null, "C-02", EnumSet.of(Caller.CORPORATION_A), none));
        // partner-service: A's collaboration, agreements, workshop, contacts, signals and webhooks
        Set<Caller> partnerA = EnumSet.of(Caller.PARTNER_A);
        Set<Caller> partnerAWrites = EnumSet.of(Caller.PARTNER_A, Caller.ADMIN);
        cells.add(new Cell("partner", "GET", "/api/v1/agreements", "/api/v1/agreements?municipality=" + a.municipality, null, null,
                agreement, partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/agreements", "/api/v1/agreements", Map.of("municipalityCode", a.municipality,
                "year", 2026, "title", "Indringer", "ownerId", a.municipalityPartner, "dueOn", "2026-12-31"), "application/json", null, none,
                corpAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/agreements/{id}", "/api/v1/agreements/" + agreement, null, null, agreement,
                partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/agreements/{id}/progress", "/api/v1/agreements/" + agreement + "/progress",
                Map.of("reportedOn", "2026-06-30", "value", 1.0, "note", "Indringer"), "application/json", null, none,
                EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations", "/api/v1/collaborations", null, null, collaboration,
                corpAandPartner, none));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations", "/api/v1/collaborations", Map.of("name", "Indringer",
                "municipalityCode", a.municipality, "corporationId", corpA, "coordinatorId", a.municipalityPartner, "areas", List.of(nbA),
                "startDate", "2026-01-01", "sharing", Map.of("complexes", true, "surveys", true, "evaluations", true)), "application/json",
                null, none, corpAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{id}", "/api/v1/collaborations/" + collaboration, null, null,
                collaboration, corpAandPartner, none));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops", "/api/v1/collaborations/"
                + collaboration + "/workshops", null, null, workshop, corpAandPartner, none));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops", "/api/v1/collaborations/"
                + collaboration + "/workshops", Map.of("title", "Indringer", "heldOn", "2026-05-01"), "application/json", null, none,
                EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops/{id}", "/api/v1/collaborations/"
                + collaboration + "/workshops/" + workshop, null, null, workshop, corpAandPartner, none));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations", "/api/v1/organisations?municipality=" + a.municipality, null, null,
                a.municipalityPartner, none, none));
        cells.add(new Cell("partner", "POST", "/api/v1/organisations", "/api/v1/organisations", Map.of("id", a.municipalityPartner,
                "name", "Indringer", "type", "municipality", "municipalityCode", a.municipality), "application/json", null, none, admin));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}", "/api/v1/organisations/" + a.municipalityPartner, null, null,
                a.municipalityPartner, none, none));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}/contacts", "/api/v1/organisations/" + a.municipalityPartner
                + "/contacts", null, null, CONTACT, partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/organisations/{id}/contacts", "/api/v1/organisations/" + a.municipalityPartner
                + "/contacts", Map.of("name", "Indringer", "email", "indringer@example.org"), "application/json", null, none, partnerAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/signals", "/api/v1/signals?size=500", null, null, collaboration, partnerA, none));
        cells.add(new Cell("partner", "GET", "/api/v1/webhooks", "/api/v1/webhooks", null, null, webhook, partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/webhooks", "/api/v1/webhooks", Map.of("organisationId", a.municipalityPartner,
                "url", "https://indringer.example.org/hook", "secret", "indringer-geheim-0123456789", "types", List.of("status-changed")),
                "application/json", null, none, partnerAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + webhook, null, null, webhook, partnerA, none));
        cells.add(new Cell("partner", "GET", "/api/v1/webhooks/{id}/deliveries", "/api/v1/webhooks/" + webhook + "/deliveries", null,
                null, null, partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/webhooks/{id}/resume", "/api/v1/webhooks/" + webhook + "/resume", null, null, null,
                none, partnerAWrites));
        cells.add(new Cell("partner", "PATCH", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + webhook,
                Map.of("types", List.of("evaluation-completed")), "application/json", null, none, partnerAWrites));
        cells.add(new Cell("partner", "POST", "/api/v1/webhooks/{id}/secret-rotations", "/api/v1/webhooks/" + webhook + "/secret-rotations",
                Map.of("secret", "indringer-geheim-0123456789"), "application/json", null, none, partnerAWrites));
        cells.add(new Cell("partner", "DELETE", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + webhook, null, null, null, none,
                partnerAWrites));
        // the platform's admin operations: dead letters and set-aside events carry anyone's data, so only the admin
        for (String service : List.of("neighbourhood", "evaluation", "partner")) {
            cells.add(new Cell(service, "GET", "/api/v1/dead-letters", "/api/v1/dead-letters", null, null, null, none, none));
            cells.add(new Cell(service, "GET", "/api/v1/dead-letters/{id}", "/api/v1/dead-letters/1", null, null, null, none, none));
            cells.add(new Cell(service, "POST", "/api/v1/dead-letters/{id}/replay", "/api/v1/dead-letters/1/replay", null, null, null,
                    none, admin));
            cells.add(new Cell(service, "POST", "/api/v1/dead-letters/replay", "/api/v1/dead-letters/replay?key=" + nbA, null, null,
                    null, none, admin));
        }
        for (String service : List.of("catalog", "neighbourhood", "evaluation")) {
            cells.add(new Cell(service, "GET", "/api/v1/outbox/set-aside", "/api/v1/outbox/set-aside", null, null, null, none, none));
            cells.add(new Cell(service, "POST", "/api/v1/outbox/set-aside/{eventId}/retry", "/api/v1/outbox/set-aside/"
                    + UUID.randomUUID() + "/retry", null, null, null, none, admin));
        }
        return cells;
    }

    @Test
    void noCallerReadsOrChangesAnotherTenantsData() throws Exception {
        List<Cell> cells = matrix();
        assertThat(cells.stream().map(c -> c.service() + " " + c.method() + " " + c.template()).toList())
                .as("every operation of the four OpenAPI documents has a row in the matrix")
                .containsExactlyInAnyOrderElementsOf(operations());
        Map<String, String> before = stateOfA();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Cell cell : cells) {
            for (Caller caller : Caller.values()) {
                if (cell.write() && cell.allowedToWrite().contains(caller)) {
                    continue; // a write A (or the admin) may do would change A's data: its own tests cover it
                }
                checked++;
                Response answer = send(cell, tokens.get(caller));
                String body = answer.asString();
                int status = answer.statusCode();
                String where = caller + " " + cell.method() + " " + cell.path() + " -> " + status;
                if (status >= 500) {
                    failures.add(where + ": " + body);
                } else if (cell.write()) {
                    if (status < 400) {
                        failures.add(where + ": a write on A's data was accepted: " + body);
                    }
                } else if (B.contains(caller)) {
                    // a 403 or 404 names only what the caller asked for; any answer with data must hold nothing of A's
                    secrets.stream().filter(secret -> status < 300 && shows(body, secret)).forEach(secret -> failures.add(where + ": shows A's " + secret));
                } else if ((cell.seenBy().contains(caller) || caller == Caller.ADMIN) && cell.marker() != null
                        && !(status == 200 && body.contains(cell.marker()))) {
                    failures.add(where + ": should show " + cell.marker());
                }
            }
        }
        int badTokens = 0;
        for (Cell cell : cells) {
            for (String token : List.of(Platform.expiredToken(), Platform.foreignToken(), "not.a.token", "")) {
                badTokens++;
                Response answer = send(cell, token);
                if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                    failures.add("bad token on " + cell.method() + " " + cell.path() + " -> " + answer.statusCode());
                }
            }
        }
        System.out.printf("ISOLATION: %d operations x 5 callers: %d cells checked; %d calls with expired, foreign, malformed or "
                + "empty tokens; %d failures%n", cells.size(), checked, badTokens, failures.size());
        assertThat(failures).isEmpty();
        assertThat(stateOfA()).as("A's data after everyone else tried to change it").isEqualTo(before);
    }

    /**
     * Whether the body holds the secret as a value of its own: the tenant mark 6.37 must not be found in a time stamp such
     * as 16:40:06.37 or 2026-11-24T16:40:16.371Z, but is found as 6.37 or 6.370 after a quote, colon, comma or semicolon.
     */
    static boolean shows(String body, String secret) {
        String trailingZeros = secret.matches("\\d+\\.\\d+") ? "0*" : "";
        return Pattern.compile("(?<![0-9A-Za-z.])" + Pattern.quote(secret) + trailingZeros + "(?![0-9A-Za-z])").matcher(body).find();
    }

    private static Response send(Cell cell, String token) {
        RequestSpecification request = RestAssured.given().baseUri(Platform.url(cell.service()));
        if (!token.isEmpty()) {
            request.auth().oauth2(token);
        }
        if (cell.body() != null) {
            request.contentType(cell.contentType());
            if (cell.body() instanceof byte[] bytes) {
                request.body(bytes);
            } else if (cell.body() instanceof String text) {
                request.body(text);
            } else {
                request.body(cell.body());
            }
        }
        return request.urlEncodingEnabled(false).request(cell.method(), cell.path());
    }

    private static Set<String> operations() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (String service : Platform.PORTS.keySet()) {
            JsonNode document = JSON.readTree(RestAssured.given().baseUri(Platform.url(service)).queryParam("format", "json")
                    .get("/q/openapi").asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(method -> operations.add(service + " " + method.toUpperCase() + " "
                        + path.getKey()));
            }
        }
        return operations;
    }

    /** Everything of A's, as the admin reads it. */
    private static Map<String, String> stateOfA() {
        String admin = Platform.adminToken();
        Map<String, String> state = new TreeMap<>();
        for (String url : List.of("neighbourhood:/api/v1/corporations/" + a.corporation + "/complexes",
                "neighbourhood:/api/v1/corporations/" + a.corporation + "/shares",
                "neighbourhood:/api/v1/areas/" + a.neighbourhoods.get(1) + "/status/history?size=500",
                "neighbourhood:/api/v1/corporations/" + a.corporation + "/complexes/C-02/status/history?size=500",
                "neighbourhood:/api/v1/areas?parent=" + a.district,
                "evaluation:/api/v1/deployments/" + deployment, "partner:/api/v1/collaborations/" + collaboration,
                "partner:/api/v1/agreements?municipality=" + a.municipality, "partner:/api/v1/webhooks/" + webhook,
                "partner:/api/v1/collaborations/" + collaboration + "/workshops",
                "partner:/api/v1/organisations/" + a.municipalityPartner + "/contacts",
                "partner:/api/v1/organisations/" + a.municipalityPartner)) {
            String[] parts = url.split(":", 2);
            // deliveries to the webhook go on meanwhile: their counters are not A's data being changed
            state.put(url, api(parts[0], admin).get(parts[1]).then().statusCode(200).extract().asString()
                    .replaceAll(",?\"(delivered|pending|failed|lastError|paused|pausedReason)\":(\\d+|null|true|false|\"[^\"]*\")", ""));
        }
        return state;
    }
}
