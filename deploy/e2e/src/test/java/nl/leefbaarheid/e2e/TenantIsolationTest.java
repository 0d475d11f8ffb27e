package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.api;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * municipality (partner A) by corporation A, partner A, corporation B, partner B of another municipality, corporation C
 * (which measures its own tenants in one of A's neighbourhoods and shares with nobody), and the admin. B and C never read
 * anything of A's that is not public and never change anything of A's; nobody but C and the admin reads C's figures; A
 * and the admin do see A's (so the matrix cannot pass by seeing nothing). Every operation also refuses expired, foreign
 * and malformed tokens. An operation added to an OpenAPI document without a row here fails the test. Beside the matrix,
 * each caller's tenant figures of the shared neighbourhood are checked figure by figure, in every read that shows them.
 */
class TenantIsolationTest {

    enum Caller { CORPORATION_A, PARTNER_A, CORPORATION_B, PARTNER_B, CORPORATION_C, ADMIN }

    /** Who must never read A's secrets. */
    static final Set<Caller> OUTSIDERS_OF_A = EnumSet.of(Caller.CORPORATION_B, Caller.PARTNER_B, Caller.CORPORATION_C);
    /** Who may read C's figures: C shares with nobody. */
    static final Set<Caller> INSIDERS_OF_C = EnumSet.of(Caller.CORPORATION_C, Caller.ADMIN);
    static final ObjectMapper JSON = new ObjectMapper();

    static Town a;
    static Town b;
    static Map<Caller, String> tokens = new LinkedHashMap<>();
    static String deployment;
    static String collaboration;
    static String webhook;
    static String agreement;
    static String workshop;
    static long pin;
    static long contact;
    static long progress;
    static long action;
    static final String PIN = "Overlast op het plein";
    static final String ACTION = "Buurtbemiddeling op het plein";
    /** A tenant mark of corporation A, recorded with an Idempotency-Key (in neighbourhood 01, of 2019: nbA's figures stay as they are). */
    static String measurementOfA;
    static String measurementKey;
    /** An import job of the admin's: only the admin reads it. */
    static String importJob;
    static final String CONTACT = "wijkregisseur@gemeente-a.example";
    static final String TENANT_MARK = "6.37";
    /** C's tenant mark in A's neighbourhood, of 40 respondents beside A's 77. */
    static final String C_MARK = "8.42";
    /** The mark of all 117 respondents, as only the admin sees it: (6.37 x 77 + 8.42 x 40) / 117, rounded to 4 decimals. */
    static final String ALL_MARK = "7.0709";
    static final String PERIOD = "2026-Q2";
    /** What only A (and those A shares with) may see. */
    static List<String> secrets;
    /** Corporation C: a second corporation in A's neighbourhood 02. */
    static String corporationC;
    /** What only C and the admin may see. */
    static List<String> secretsOfC;

    @BeforeAll
    static void twoTenants() throws Exception {
        Platform.start();
        a = Town.create("Aadorp");
        b = Town.create("Beekdorp");
        // not A's id with a suffix: A's secret complex:<A> would be found in C's complex subject complex:<C>:N-01
        corporationC = "buur-" + a.corporation;
        tokens.put(Caller.CORPORATION_A, a.corporationToken());
        tokens.put(Caller.PARTNER_A, a.partnerToken());
        tokens.put(Caller.CORPORATION_B, b.corporationToken());
        tokens.put(Caller.PARTNER_B, b.partnerToken());
        tokens.put(Caller.CORPORATION_C, Platform.corporationToken(corporationC));
        tokens.put(Caller.ADMIN, Platform.adminToken());
        String admin = Platform.adminToken();
        // the collaboration first: the status events of the import below become its signals
        collaboration = a.collaboration();
        api("neighbourhood", admin).contentType("text/csv").body(a.leefbaarometerCsv()).post("/api/v1/observations/leefbaarometer")
                .then().statusCode(200);
        // the same file again, answered later: it changes nothing, and leaves a job to read
        importJob = api("neighbourhood", admin).contentType("text/csv").header("Prefer", "respond-async").body(a.leefbaarometerCsv())
                .post("/api/v1/observations/leefbaarometer").then().statusCode(202).extract().path("id");
        Eventually.await("the import job " + importJob + " done", () -> api("neighbourhood", admin).get("/api/v1/imports/{id}", importJob)
                .then().statusCode(200).extract().<String>path("state"), "done"::equals, Duration.ofSeconds(60));
        // a tenant survey of corporation A: restricted figures
        api("neighbourhood", a.corporationToken()).contentType(ContentType.JSON).body(List.of(Map.of("areaCode", a.neighbourhoods.get(1),
                "complexId", "C-02", "indicator", "tenant.feeling-at-home", "period", PERIOD, "value", 6.37, "respondents", 77,
                "source", "kwh-huurderslabel", "corporationId", a.corporation))).post("/api/v1/observations").then().statusCode(200);
        awaitRespondents(a.neighbourhoods.get(1), 77);
        Eventually.await("a signal of the collaboration", () -> api("partner", a.partnerToken()).get("/api/v1/signals?size=500")
                .then().statusCode(200).extract().asString(), body -> body.contains(collaboration), java.time.Duration.ofSeconds(60));
        try (WebhookReceiver receiver = new WebhookReceiver("isolatie-" + a.municipality + "-0123456789")) {
            webhook = a.webhook(receiver);
        }
        agreement = api("partner", admin).contentType(ContentType.JSON).body(Map.of("municipalityCode", a.municipality, "year", 2026,
                "title", "Thuisgevoel in " + a.neighbourhoods.get(1) + " naar een 7", "ownerId", a.municipalityPartner,
                "indicator", "tenant.feeling-at-home", "areaCode", a.neighbourhoods.get(1), "targetValue", 7.0, "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        // A's workshop stays open through the matrix: the writes of others meet a session they could otherwise join
        String workshops = "/api/v1/collaborations/" + collaboration + "/workshops";
        workshop = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("title", "Werkatelier " + a.municipality,
                "heldOn", "2026-04-14", "participants", List.of(a.municipalityPartner, a.welfarePartner, a.corporation),
                "areas", List.of(a.neighbourhoods.get(1)))).post(workshops).then().statusCode(201).extract().path("id");
        api("partner", a.partnerToken()).post(workshops + "/" + workshop + "/open").then().statusCode(200);
        pin = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("areaCode", a.neighbourhoods.get(1),
                "location", "Plein", "dimension", "onv", "severity", 3, "description", PIN)).post(workshops + "/" + workshop + "/pins")
                .then().statusCode(201).extract().<Number>path("id").longValue();
        api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("votes", 2))
                .put(workshops + "/" + workshop + "/pins/" + pin + "/vote").then().statusCode(200);
        action = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("pinId", pin, "interventionId", "buurtbemiddeling",
                "description", ACTION, "ownerId", a.welfarePartner, "dueOn", "2026-09-01", "corporationAlone", false))
                .post(workshops + "/" + workshop + "/actions").then().statusCode(201).extract().<Number>path("id").longValue();
        contact = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("name", "Wijkregisseur", "email", CONTACT))
                .post("/api/v1/organisations/{id}/contacts", a.municipalityPartner).then().statusCode(201).extract().<Number>path("id").longValue();
        progress = api("partner", a.partnerToken()).contentType(ContentType.JSON).body(Map.of("reportedOn", "2026-06-30", "value", 6.1,
                "note", "Portiekgesprekken")).post("/api/v1/agreements/{id}/progress", agreement).then().statusCode(200).extract()
                .<Number>path("progress[0].id").longValue();
        LocalDate start = LocalDate.now().minusMonths(13).withDayOfMonth(1);
        deployment = Eventually.await("a deployment of corporation A", () -> api("evaluation", a.corporationToken())
                .contentType(ContentType.JSON).body(Map.of("interventionId", "buurtbemiddeling", "interventionRevision", 1,
                        "areaCode", a.neighbourhoods.get(1), "owner", "Wijkconsulent A", "startDate", start.toString(),
                        "plannedEndDate", start.plusMonths(12).toString(), "partners", List.of(a.welfarePartner)))
                .post("/api/v1/deployments").then().extract().<String>path("id"), id -> id != null, java.time.Duration.ofSeconds(60));
        measurementKey = "isolatie-" + a.corporation;
        measurementOfA = api("evaluation", a.corporationToken()).header("Idempotency-Key", measurementKey).contentType(ContentType.JSON)
                .body(Map.of("areaCode", a.neighbourhoods.get(0), "indicator", "tenant.feeling-at-home", "period", "2019-Q1", "value", 7.77,
                        "respondents", 12, "instrument", "survey")).post("/api/v1/measurements").then().statusCode(201)
                .extract().path("measurementIds[0]");
        secrets = List.of(deployment, collaboration, webhook, agreement, workshop, CONTACT, TENANT_MARK, "complex:" + a.corporation, PIN,
                ACTION, measurementOfA);
        secondCorporation();
        // its id is also in its complex's subject; its complex code N-01 is too short to tell from other text
        secretsOfC = List.of(C_MARK, corporationC);
    }

    /**
     * Corporation C arrives in A's neighbourhood 02 after A's survey is in its status (so the history has versions from
     * before C): it registers, with its seat in B's municipality (registered in A's it would rightly read A's municipal
     * agreements), a complex N-01 there, and a survey of its own tenants. It shares with nobody. The survey goes
     * straight to neighbourhood-service, so evaluation-service need not know the complex.
     */
    private static void secondCorporation() {
        String admin = Platform.adminToken();
        String corporationToken = tokens.get(Caller.CORPORATION_C);
        String nbA = a.neighbourhoods.get(1);
        api("partner", admin).contentType(ContentType.JSON).body(Map.of("id", corporationC, "name", "Woonstichting De Buren",
                "type", "corporation", "municipalityCode", b.municipality)).post("/api/v1/organisations").then().statusCode(201);
        api("neighbourhood", corporationToken).contentType(ContentType.JSON).body(Map.of("code", "N-01", "name", "Complex Buurhof",
                "neighbourhoodCode", nbA, "homes", 48, "households", 45))
                .post("/api/v1/corporations/{id}/complexes", corporationC).then().statusCode(201);
        api("neighbourhood", corporationToken).contentType(ContentType.JSON).body(List.of(Map.of("areaCode", nbA, "complexId", "N-01",
                "indicator", "tenant.feeling-at-home", "period", PERIOD, "value", 8.42, "respondents", 40,
                "source", "kwh-huurderslabel", "corporationId", corporationC))).post("/api/v1/observations").then().statusCode(200);
        awaitRespondents(nbA, 117);
    }

    /** Waits until the admin's status of the area counts this many tenant respondents. */
    private static void awaitRespondents(String area, int respondents) {
        Eventually.await(respondents + " tenant respondents in the admin's status of " + area, () -> api("neighbourhood",
                Platform.adminToken()).get("/api/v1/areas/{code}/status", area).then().statusCode(200).extract()
                .<Integer>path("status.tenantExperience.respondents"), r -> r != null && r == respondents, Duration.ofSeconds(60));
    }

    /**
     * A row of the matrix: one operation on A's data, who must see its marker (and the admin), who may change it, and the
     * markers some callers must see instead (the admin's aggregate of A's and C's tenant figures, C's own).
     */
    record Cell(String service, String method, String template, String path, Object body, String contentType, String marker,
            Set<Caller> seenBy, Set<Caller> allowedToWrite, Map<Caller, String> otherMarkers) {

        Cell(String service, String method, String template, String path, Object body, String contentType, String marker,
                Set<Caller> seenBy, Set<Caller> allowedToWrite) {
            this(service, method, template, path, body, contentType, marker, seenBy, allowedToWrite, Map.of());
        }

        boolean write() {
            return !method.equals("GET");
        }

        /** The same row, where this caller must see another marker. */
        Cell showing(Caller caller, String otherMarker) {
            Map<Caller, String> markers = new EnumMap<>(Caller.class);
            markers.putAll(otherMarkers);
            markers.put(caller, otherMarker);
            return new Cell(service, method, template, path, body, contentType, marker, seenBy, allowedToWrite, markers);
        }

        /** What the caller must find in the answer; null when nothing. */
        String markerFor(Caller caller) {
            if (otherMarkers.containsKey(caller)) {
                return otherMarkers.get(caller);
            }
            return seenBy.contains(caller) || caller == Caller.ADMIN ? marker : null;
        }
    }

    static List<Cell> matrix() {
        String nbA = a.neighbourhoods.get(1);
        String corpA = a.corporation;
        String corpPath = "/api/v1/corporations/" + corpA;
        Set<Caller> corpAandPartner = EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A);
        Set<Caller> none = EnumSet.noneOf(Caller.class);
        Set<Caller> corporations = EnumSet.of(Caller.CORPORATION_A, Caller.CORPORATION_B, Caller.CORPORATION_C, Caller.ADMIN);
        Set<Caller> admin = EnumSet.of(Caller.ADMIN);
        Set<Caller> corpAWrites = EnumSet.of(Caller.CORPORATION_A, Caller.ADMIN);
        // C has a complex in nbA: its override there is its own, changes nothing of A's, but changes what the admin reads
        Set<Caller> areaOverrideWrites = EnumSet.of(Caller.CORPORATION_A, Caller.CORPORATION_C, Caller.ADMIN);
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
                { "POST", "/api/v1/themes/{code}/subtopics", "/api/v1/themes/sociale-leefbaarheid/subtopics" },
                { "PATCH", "/api/v1/themes/{code}", "/api/v1/themes/sociale-leefbaarheid" },
                { "POST", "/api/v1/themes/{code}/retire", "/api/v1/themes/sociale-leefbaarheid/retire" },
                { "PATCH", "/api/v1/themes/{code}/subtopics/{subtopic}", "/api/v1/themes/sociale-leefbaarheid/subtopics/samenleven" },
                { "POST", "/api/v1/themes/{code}/subtopics/{subtopic}/retire",
                        "/api/v1/themes/sociale-leefbaarheid/subtopics/samenleven/retire" } }) {
            cells.add(new Cell("catalog", write[0], write[1], write[2], Map.of("reason", "x"), "application/json", null, none, corporations));
        }
        cells.add(new Cell("catalog", "POST", "/api/v1/toolbox", "/api/v1/toolbox", new byte[] { 80, 75, 3, 4 },
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null, none, corporations));
        // neighbourhood-service: public figures for all; complexes and tenant figures for A and whom A shares with
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas", "/api/v1/areas?parent=" + a.district, null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}", "/api/v1/areas/" + nbA, null, null, nbA, none, none));
        // the admin sees the mark of all respondents in nbA, C its own; the history keeps A's alone from before C came
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}/status", "/api/v1/areas/" + nbA + "/status", null, null,
                TENANT_MARK, corpAandPartner, none).showing(Caller.ADMIN, ALL_MARK).showing(Caller.CORPORATION_C, C_MARK));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}/status/history", "/api/v1/areas/" + nbA + "/status/history",
                null, null, TENANT_MARK, corpAandPartner, none).showing(Caller.CORPORATION_C, C_MARK));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/areas/{code}/observations", "/api/v1/areas/" + nbA + "/observations?size=500",
                null, null, TENANT_MARK, corpAandPartner, none).showing(Caller.CORPORATION_C, C_MARK));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/comparisons", "/api/v1/comparisons?area=" + nbA + "&area="
                + a.neighbourhoods.get(0), null, null, TENANT_MARK, corpAandPartner, none).showing(Caller.ADMIN, ALL_MARK)
                .showing(Caller.CORPORATION_C, C_MARK));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/rankings", "/api/v1/rankings?municipality=" + a.municipality, null, null,
                nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/maps/resilience", "/api/v1/maps/resilience?municipality=" + a.municipality,
                null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/maps/livability", "/api/v1/maps/livability?municipality=" + a.municipality,
                null, null, nbA, none, none));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/areas/boundaries", "/api/v1/areas/boundaries?year=2024",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"" + nbA + "\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.1]]]}}]}",
                "application/geo+json", null, none, admin));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/indicators", "/api/v1/indicators", null, null, null, none, none));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/indicators/{code}", "/api/v1/indicators/tenant.feeling-at-home", null, null,
                null, none, none));
        cells.add(new Cell("neighbourhood", "PUT", "/api/v1/areas/{code}/tenant-colour-override", "/api/v1/areas/" + nbA
                + "/tenant-colour-override", override, "application/json", null, none, areaOverrideWrites));
        cells.add(new Cell("neighbourhood", "DELETE", "/api/v1/areas/{code}/tenant-colour-override", "/api/v1/areas/" + nbA
                + "/tenant-colour-override", null, null, null, none, areaOverrideWrites));
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
        // A's complex corrected, ended or transferred (never without If-Match, which no one here sends), and its history
        String complexA = corpPath + "/complexes/C-02";
        cells.add(new Cell("neighbourhood", "PATCH", "/api/v1/corporations/{corporationId}/complexes/{code}", complexA,
                Map.of("name", "Indringer"), "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/corporations/{corporationId}/complexes/{code}/end", complexA + "/end",
                Map.of("endedOn", LocalDate.now().toString(), "endReason", "sold"), "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/corporations/{corporationId}/complexes/{code}/transfer", complexA + "/transfer",
                Map.of("toCorporationId", "indringer", "on", LocalDate.now().toString()), "application/json", null, none, corpAWrites));
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/corporations/{corporationId}/complexes/{code}/history", complexA + "/history",
                null, null, "C-02", corpAandPartner, none));
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
        cells.add(new Cell("neighbourhood", "GET", "/api/v1/imports/{id}", "/api/v1/imports/" + importJob, null, null, importJob, none, none));
        cells.add(new Cell("neighbourhood", "POST", "/api/v1/areas/registry", "/api/v1/areas/registry?year=2025",
                "WijkenEnBuurten;Codering_3\nIndringer;" + a.municipality + "\n", "text/csv", null, none, admin));
        for (String method : List.of("PUT", "PATCH")) {
            cells.add(new Cell("neighbourhood", method, "/api/v1/areas/{code}", "/api/v1/areas/" + nbA + "?year=2024",
                    Map.of("name", "Indringer"), "application/json", null, none, admin));
        }
        // evaluation-service: A's deployment, for A and the partners involved in it
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments", "/api/v1/deployments?size=500", null, null, deployment,
                EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "POST", "/api/v1/deployments", "/api/v1/deployments", Map.of("interventionId", "buurtbemiddeling",
                "interventionRevision", 1, "areaCode", nbA, "corporationId", corpA, "owner", "Indringer", "startDate", "2026-01-01",
                "plannedEndDate", "2026-06-01"), "application/json", null, none, corpAWrites));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/due", "/api/v1/deployments/due?withinDays=366&size=500", null, null,
                deployment, EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/{id}", "/api/v1/deployments/" + deployment, null, null, deployment,
                EnumSet.of(Caller.CORPORATION_A), none));
        cells.add(new Cell("evaluation", "PATCH", "/api/v1/deployments/{id}", "/api/v1/deployments/" + deployment,
                Map.of("owner", "Indringer"), "application/json", null, none, corpAWrites));
        cells.add(new Cell("evaluation", "GET", "/api/v1/deployments/{id}/history", "/api/v1/deployments/" + deployment + "/history",
                null, null, deployment, EnumSet.of(Caller.CORPORATION_A), none));
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
        // A's measurement: read, corrected, withdrawn (alone or as its batch) and its history, by A and the admin only
        String measurementPath = "/api/v1/measurements/" + measurementOfA;
        Set<Caller> onlyCorpA = EnumSet.of(Caller.CORPORATION_A);
        cells.add(new Cell("evaluation", "GET", "/api/v1/measurements", "/api/v1/measurements?area=" + a.neighbourhoods.get(0) + "&size=500",
                null, null, measurementOfA, onlyCorpA, none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/measurements/{id}", measurementPath, null, null, measurementOfA, onlyCorpA, none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/measurements/{id}/history", measurementPath + "/history", null, null,
                measurementOfA, onlyCorpA, none));
        cells.add(new Cell("evaluation", "PATCH", "/api/v1/measurements/{id}", measurementPath, Map.of("value", 1.0, "reason", "Indringer"),
                "application/json", null, none, corpAWrites));
        cells.add(new Cell("evaluation", "DELETE", "/api/v1/measurements/{id}", measurementPath + "?reason=Indringer", null, null, null,
                none, corpAWrites));
        cells.add(new Cell("evaluation", "POST", "/api/v1/measurements/withdrawals", "/api/v1/measurements/withdrawals",
                Map.of("idempotencyKey", measurementKey, "reason", "Indringer"), "application/json", null, none, corpAWrites));
        // evaluation-service's reference data from neighbourhood-service: areas are public, a complex is its corporation's
        cells.add(new Cell("evaluation", "GET", "/api/v1/reference/areas/{code}", "/api/v1/reference/areas/" + nbA + "?year=2024",
                null, null, nbA, none, none));
        cells.add(new Cell("evaluation", "GET", "/api/v1/reference/corporations/{corporationId}/complexes/{complexId}",
                "/api/v1/reference/corporations/" + corpA + "/complexes/C-02", null, null, "C-02", EnumSet.of(Caller.CORPORATION_A), none));
        // partner-service: A's collaboration, agreements, workshop, contacts, signals and webhooks
        Set<Caller> partnerA = EnumSet.of(Caller.PARTNER_A);
        Set<Caller> partnerAWrites = EnumSet.of(Caller.PARTNER_A, Caller.ADMIN);
        cells.add(new Cell("partner", "GET", "/api/v1/agreements", "/api/v1/agreements?municipality=" + a.municipality + "&size=500", null, null,
                agreement, partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/agreements", "/api/v1/agreements", Map.of("municipalityCode", a.municipality,
                "year", 2026, "title", "Indringer", "ownerId", a.municipalityPartner, "dueOn", "2026-12-31"), "application/json", null, none,
                corpAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/agreements/{id}", "/api/v1/agreements/" + agreement, null, null, agreement,
                partnerA, none));
        cells.add(new Cell("partner", "POST", "/api/v1/agreements/{id}/progress", "/api/v1/agreements/" + agreement + "/progress",
                Map.of("reportedOn", "2026-06-30", "value", 1.0, "note", "Indringer"), "application/json", null, none,
                EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations", "/api/v1/collaborations?size=500", null, null, collaboration,
                corpAandPartner, none));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations", "/api/v1/collaborations", Map.of("name", "Indringer",
                "municipalityCode", a.municipality, "corporationId", corpA, "coordinatorId", a.municipalityPartner, "areas", List.of(nbA),
                "startDate", "2026-01-01", "sharing", Map.of("complexes", true, "surveys", true, "evaluations", true)), "application/json",
                null, none, corpAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{id}", "/api/v1/collaborations/" + collaboration, null, null,
                collaboration, corpAandPartner, none));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops", "/api/v1/collaborations/"
                + collaboration + "/workshops?size=500", null, null, workshop, corpAandPartner, none));
        String atWorkshop = "/api/v1/collaborations/" + collaboration + "/workshops/" + workshop;
        Set<Caller> collaborationWrites = EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN);
        // pins and votes are the participants' own: the admin takes no part
        Set<Caller> participants = EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A);
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops", "/api/v1/collaborations/"
                + collaboration + "/workshops", Map.of("title", "Indringer", "heldOn", "2026-05-01", "participants", List.of(a.municipalityPartner),
                "areas", List.of(nbA)), "application/json", null, none, collaborationWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops/{id}", atWorkshop, null, null, workshop,
                corpAandPartner, none));
        for (String step : List.of("open", "close")) {
            cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops/{id}/" + step, atWorkshop + "/" + step,
                    null, null, null, none, collaborationWrites));
        }
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops/{id}/pins", atWorkshop + "/pins",
                Map.of("areaCode", nbA, "dimension", "fys", "severity", 5, "description", "Indringer"), "application/json", null, none,
                participants));
        cells.add(new Cell("partner", "PUT", "/api/v1/collaborations/{collaborationId}/workshops/{id}/pins/{pinId}/vote", atWorkshop
                + "/pins/" + pin + "/vote", Map.of("votes", 10), "application/json", null, none, participants));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops/{id}/priorities", atWorkshop
                + "/priorities", null, null, PIN, corpAandPartner, none));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops/{id}/actions", atWorkshop + "/actions",
                Map.of("pinId", pin, "description", "Indringer", "ownerId", a.welfarePartner, "dueOn", "2026-09-01", "corporationAlone", true),
                "application/json", null, none, collaborationWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/workshops/{id}/actions/{actionId}", atWorkshop
                + "/actions/" + action, null, null, ACTION, corpAandPartner, none));
        // the action's owner is A's welfare partner: the coordinator (partner A) and the admin follow it up too
        cells.add(new Cell("partner", "PATCH", "/api/v1/collaborations/{collaborationId}/workshops/{id}/actions/{actionId}", atWorkshop
                + "/actions/" + action, Map.of("status", "dropped", "note", "Indringer"), "application/json", null, none,
                EnumSet.of(Caller.PARTNER_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{collaborationId}/workshops/{id}/actions/{actionId}/deployment",
                atWorkshop + "/actions/" + action + "/deployment", Map.of("startDate", "2026-05-01", "plannedEndDate", "2027-05-01"),
                "application/json", null, none, EnumSet.of(Caller.CORPORATION_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{collaborationId}/actions", "/api/v1/collaborations/" + collaboration
                + "/actions?size=500", null, null, ACTION, corpAandPartner, none));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}/actions", "/api/v1/organisations/" + a.welfarePartner
                + "/actions?size=500", null, null, ACTION, corpAandPartner, none));
        // corrections (issue 26): only who may change a record does, and histories show only what their record's readers see
        String organisationA = "/api/v1/organisations/" + a.municipalityPartner;
        String contactA = organisationA + "/contacts/" + contact;
        cells.add(new Cell("partner", "PATCH", "/api/v1/organisations/{id}", organisationA, Map.of("name", "Indringer"), "application/json",
                null, none, partnerAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}/history", organisationA + "/history", null, null, a.municipalityPartner,
                none, none));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}/contacts/{contactId}", contactA, null, null, CONTACT, partnerA, none));
        cells.add(new Cell("partner", "PATCH", "/api/v1/organisations/{id}/contacts/{contactId}", contactA, Map.of("role", "Indringer"),
                "application/json", null, none, partnerAWrites));
        cells.add(new Cell("partner", "DELETE", "/api/v1/organisations/{id}/contacts/{contactId}", contactA, null, null, null, none,
                partnerAWrites));
        cells.add(new Cell("partner", "DELETE", "/api/v1/organisations/{id}/contacts", organisationA + "/contacts", null, null, null, none,
                partnerAWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/organisations/{id}/contacts/{contactId}/history", contactA + "/history", null, null,
                a.municipalityPartner + "/" + contact, partnerA, none));
        String collaborationA = "/api/v1/collaborations/" + collaboration;
        cells.add(new Cell("partner", "PATCH", "/api/v1/collaborations/{id}", collaborationA, Map.of("name", "Indringer"), "application/json",
                null, none, collaborationWrites));
        cells.add(new Cell("partner", "POST", "/api/v1/collaborations/{id}/end", collaborationA + "/end", Map.of("reason", "Indringer"),
                "application/json", null, none, collaborationWrites));
        cells.add(new Cell("partner", "GET", "/api/v1/collaborations/{id}/history", collaborationA + "/history", null, null, collaboration,
                corpAandPartner, none));
        String agreementA = "/api/v1/agreements/" + agreement;
        cells.add(new Cell("partner", "PATCH", "/api/v1/agreements/{id}", agreementA, Map.of("title", "Indringer"), "application/json", null,
                none, corpAWrites));
        cells.add(new Cell("partner", "PATCH", "/api/v1/agreements/{id}/progress/{progressId}", agreementA + "/progress/" + progress,
                Map.of("value", 1.0, "reason", "Indringer"), "application/json", null, none,
                EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN)));
        cells.add(new Cell("partner", "GET", "/api/v1/agreements/{id}/history", agreementA + "/history", null, null, agreement, partnerA,
                none));
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
        cells.add(new Cell("partner", "GET", "/api/v1/webhooks", "/api/v1/webhooks?size=500", null, null, webhook, partnerA, none));
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
        // the audit trail across records: anyone's changes, so only the admin
        for (String service : List.of("catalog", "neighbourhood", "evaluation", "partner")) {
            cells.add(new Cell(service, "GET", "/api/v1/audit-entries", "/api/v1/audit-entries?size=500", null, null, null, none, none));
        }
        for (String service : List.of("catalog", "neighbourhood", "evaluation", "partner")) {
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
                    continue; // a write A, the admin (or C on its own) may do changes what stateOfA reads: its own tests cover it
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
                } else {
                    // a 403 or 404 names only what the caller asked for; any answer with data holds nothing it may not see
                    if (status < 300 && OUTSIDERS_OF_A.contains(caller)) {
                        secrets.stream().filter(secret -> shows(body, secret))
                                .forEach(secret -> failures.add(where + ": shows A's " + secret));
                    }
                    if (status < 300 && !INSIDERS_OF_C.contains(caller)) {
                        secretsOfC.stream().filter(secret -> shows(body, secret))
                                .forEach(secret -> failures.add(where + ": shows C's " + secret));
                    }
                    String marker = cell.markerFor(caller);
                    if (marker != null && !(status == 200 && body.contains(marker))) {
                        failures.add(where + ": should show " + marker);
                    }
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
        System.out.printf("ISOLATION: %d operations x %d callers: %d cells checked; %d calls with expired, foreign, malformed or "
                + "empty tokens; %d failures%n", cells.size(), Caller.values().length, checked, badTokens, failures.size());
        assertThat(failures).isEmpty();
        assertThat(stateOfA()).as("A's data after everyone else tried to change it").isEqualTo(before);
    }

    /** Tenant figures as a caller must see them: the mark, its respondents and its colour, all of period 2026-Q2. */
    record Figures(double mean, int respondents, String colour) {
        static final Figures OF_A = new Figures(6.37, 77, "red");
        static final Figures OF_C = new Figures(8.42, 40, "green");
        static final Figures OF_ALL = new Figures(7.0709, 117, "green");

        /** The tenant signals these figures give: red and orange give one, green none. */
        Set<String> signals() {
            return colour.equals("green") ? Set.of() : Set.of("tenant-" + colour);
        }
    }

    /** The tenant figures of nbA the caller sees now; null for none. */
    static Figures seenNow(Caller caller) {
        return switch (caller) {
            case CORPORATION_A, PARTNER_A -> Figures.OF_A;
            case CORPORATION_C -> Figures.OF_C;
            case ADMIN -> Figures.OF_ALL;
            case CORPORATION_B, PARTNER_B -> null;
        };
    }

    /** The tenant figures of nbA the caller sees in the versions written before C's survey: A's, for those who see A's. */
    static Figures seenBeforeC(Caller caller) {
        return switch (caller) {
            case CORPORATION_A, PARTNER_A, ADMIN -> Figures.OF_A;
            case CORPORATION_B, PARTNER_B, CORPORATION_C -> null;
        };
    }

    @Test
    void eachCallerSeesTheTenantFiguresItMay() {
        String nbA = a.neighbourhoods.get(1);
        String statusPath = "/api/v1/areas/" + nbA + "/status";
        Reads reads = new Reads();
        // the status of nbA: each caller's own view, whose priority every other read must repeat
        Map<Caller, JsonNode> views = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            JsonNode view = reads.ok(caller, "neighbourhood", statusPath);
            views.put(caller, view);
            reads.figures(caller, statusPath, view.path("status"), seenNow(caller));
            reads.expect(view.path("restricted").isBoolean() && view.path("restricted").asBoolean() == (caller != Caller.ADMIN),
                    caller, statusPath, "restricted should be " + (caller != Caller.ADMIN) + ", is " + view.path("restricted"));
        }
        Map<Caller, Double> priorities = new EnumMap<>(Caller.class);
        views.forEach((caller, view) -> priorities.put(caller, number(view.path("status").path("priority"))));
        Double open = priorities.get(Caller.CORPORATION_B);
        reads.expect(open != null, Caller.CORPORATION_B, statusPath, "has no priority");
        if (open != null) {
            // A's red adds 0.15 to the public priority (both rounded to 3 decimals); green, and no figures, add nothing
            for (Caller caller : Caller.values()) {
                double expected = Figures.OF_A.equals(seenNow(caller)) ? open + 0.15 : open;
                reads.expect(near(priorities.get(caller), expected, 0.001), caller, statusPath,
                        "priority " + priorities.get(caller) + " instead of " + expected);
            }
        }
        // comparisons, rankings and the maps: the same figures and priority as that caller's status
        String comparisons = "/api/v1/comparisons?area=" + nbA + "&area=" + a.neighbourhoods.get(0);
        String byMunicipality = "/api/v1/rankings?municipality=" + a.municipality;
        String map = "/api/v1/maps/resilience?municipality=" + a.municipality;
        String livabilityMap = "/api/v1/maps/livability?municipality=" + a.municipality;
        for (Caller caller : Caller.values()) {
            JsonNode compared = find(reads.ok(caller, "neighbourhood", comparisons), "/areaCode", nbA);
            reads.figures(caller, comparisons, compared.path("status"), seenNow(caller));
            reads.expect(compared.path("restricted").equals(views.get(caller).path("restricted")), caller, comparisons,
                    "restricted " + compared.path("restricted") + " where the status says " + views.get(caller).path("restricted"));
            reads.priority(caller, comparisons, compared.path("status").path("priority"), priorities.get(caller));
            reads.priority(caller, byMunicipality, find(reads.ok(caller, "neighbourhood", byMunicipality).path("items"), "/areaCode", nbA)
                    .path("priority"), priorities.get(caller));
            reads.priority(caller, map, find(reads.ok(caller, "neighbourhood", map).path("features"), "/properties/code", nbA)
                    .path("properties").path("priority"), priorities.get(caller));
            reads.priority(caller, livabilityMap, find(reads.ok(caller, "neighbourhood", livabilityMap).path("features"), "/properties/code",
                    nbA).path("properties").path("priority"), priorities.get(caller));
        }
        // the working areas, and the rankings of them: for the corporation, those it shares with and the admin
        Map<String, Set<Caller>> workingAreas = Map.of(a.corporation, EnumSet.of(Caller.CORPORATION_A, Caller.PARTNER_A, Caller.ADMIN),
                corporationC, INSIDERS_OF_C);
        workingAreas.forEach((corporation, readers) -> {
            String workingArea = "/api/v1/corporations/" + corporation + "/working-area";
            String ranking = "/api/v1/rankings?corporation=" + corporation;
            for (Caller caller : Caller.values()) {
                if (readers.contains(caller)) {
                    reads.figures(caller, workingArea, reads.ok(caller, "neighbourhood", workingArea).path("status"), seenNow(caller));
                    reads.priority(caller, ranking, find(reads.ok(caller, "neighbourhood", ranking).path("items"), "/areaCode", nbA)
                            .path("priority"), priorities.get(caller));
                } else {
                    reads.refused(caller, "neighbourhood", workingArea);
                    reads.refused(caller, "neighbourhood", ranking);
                }
            }
        });
        // C's complex: its own figures, for C and the admin only
        String complexOfC = "/api/v1/corporations/" + corporationC + "/complexes/N-01/status";
        for (Caller caller : Caller.values()) {
            if (INSIDERS_OF_C.contains(caller)) {
                reads.figures(caller, complexOfC, reads.ok(caller, "neighbourhood", complexOfC).path("status"), Figures.OF_C);
            } else {
                reads.refused(caller, "neighbourhood", complexOfC);
            }
        }
        // the history: the versions from before C's survey (the admin's with 77 respondents) show A's figures or none;
        // the current version is projected as the status is
        String history = "/api/v1/areas/" + nbA + "/status/history?size=500";
        Set<Integer> beforeC = new TreeSet<>();
        reads.ok(Caller.ADMIN, "neighbourhood", history).path("items").forEach(item -> {
            if (item.path("status").path("tenantExperience").path("respondents").asInt() == 77) {
                beforeC.add(item.path("version").asInt());
            }
        });
        reads.expect(!beforeC.isEmpty(), Caller.ADMIN, history, "has no version with A's 77 respondents alone");
        for (Caller caller : Caller.values()) {
            JsonNode items = reads.ok(caller, "neighbourhood", history).path("items");
            Set<Integer> found = new TreeSet<>();
            for (JsonNode item : items) {
                int version = item.path("version").asInt();
                if (beforeC.contains(version)) {
                    found.add(version);
                    reads.figures(caller, history + " version " + version, item.path("status"), seenBeforeC(caller));
                }
                if (version == views.get(caller).path("version").asInt()) {
                    JsonNode current = views.get(caller).path("status");
                    reads.expect(item.path("status").equals(current), caller, history,
                            "version " + version + " is " + item.path("status") + " where the status is " + current);
                }
            }
            reads.expect(found.equals(beforeC), caller, history, "has versions " + found + " of " + beforeC + " from before C");
        }
        // the signals of A's collaboration carry A's tenant colour of nbA only (C's mark is checked in every read)
        String signals = "/api/v1/signals?size=500";
        for (Caller caller : List.of(Caller.CORPORATION_A, Caller.PARTNER_A)) {
            for (JsonNode item : reads.ok(caller, "partner", signals).path("items")) {
                for (String side : List.of("previous", "current")) {
                    JsonNode colour = item.path("signal").path(side).path("tenantColour");
                    reads.expect(!nbA.equals(item.path("areaCode").asText()) || colour.isMissingNode() || colour.asText().equals("red"),
                            caller, signals, "signal " + item.path("id") + " shows tenant colour " + colour + " of " + nbA);
                }
            }
        }
        System.out.printf("TENANT FIGURES: %d reads x %d callers checked (%d calls); %d failures%n", reads.paths.size(),
                Caller.values().length, reads.calls, reads.failures.size());
        assertThat(reads.failures).isEmpty();
    }

    /**
     * The reads of {@link #eachCallerSeesTheTenantFiguresItMay}: every call counted, every failure kept with the call it
     * came from. Any answer with data is also checked to hold neither A's nor C's mark where the caller may not see it.
     */
    static final class Reads {
        final List<String> failures = new ArrayList<>();
        final Set<String> paths = new TreeSet<>();
        int calls;

        /** A read the caller may do: its JSON, or a missing node (and a failure) when it is not answered 200. */
        JsonNode ok(Caller caller, String service, String path) {
            Response answer = get(caller, service, path);
            if (answer.statusCode() != 200) {
                failures.add(caller + " GET " + path + " -> " + answer.statusCode() + ": should be read: " + answer.asString());
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(answer.asString());
            } catch (IOException e) {
                failures.add(caller + " GET " + path + ": not JSON: " + answer.asString());
                return MissingNode.getInstance();
            }
        }

        /** A read the caller may not do: 403 or 404, as problem+json. */
        void refused(Caller caller, String service, String path) {
            Response answer = get(caller, service, path);
            String contentType = answer.contentType() == null ? "" : answer.contentType();
            expect((answer.statusCode() == 403 || answer.statusCode() == 404) && contentType.startsWith("application/problem+json"),
                    caller, path, "should be refused, is " + answer.statusCode() + " " + contentType + ": " + answer.asString());
        }

        /** The tenant experience and tenant signals of a status: the figures expected, or none. */
        void figures(Caller caller, String path, JsonNode status, Figures expected) {
            JsonNode tenant = status.path("tenantExperience");
            if (expected == null) {
                expect(tenant.isMissingNode() || tenant.isNull(), caller, path, "shows tenant figures " + tenant);
            } else {
                expect(near(number(tenant.path("mean")), expected.mean(), 1e-9)
                        && tenant.path("respondents").asInt() == expected.respondents()
                        && tenant.path("colour").asText().equals(expected.colour()) && tenant.path("period").asText().equals(PERIOD),
                        caller, path, "should show " + expected + ", shows " + tenant);
            }
            Set<String> signals = new TreeSet<>();
            status.path("signals").forEach(signal -> {
                if (signal.asText().startsWith("tenant-")) {
                    signals.add(signal.asText());
                }
            });
            Set<String> expectedSignals = expected == null ? Set.of() : expected.signals();
            expect(signals.equals(expectedSignals), caller, path, "tenant signals " + signals + " instead of " + expectedSignals);
        }

        /** A priority that must be the one of the caller's own status. */
        void priority(Caller caller, String path, JsonNode priority, Double ofStatus) {
            expect(ofStatus != null && near(number(priority), ofStatus, 1e-9), caller, path,
                    "priority " + priority + " where the caller's status has " + ofStatus);
        }

        void expect(boolean holds, Caller caller, String path, String what) {
            if (!holds) {
                failures.add(caller + " GET " + path + ": " + what);
            }
        }

        private Response get(Caller caller, String service, String path) {
            paths.add(service + " " + path);
            calls++;
            Response answer = api(service, tokens.get(caller)).urlEncodingEnabled(false).get(path);
            String body = answer.asString();
            if (answer.statusCode() < 300) {
                expect(!(OUTSIDERS_OF_A.contains(caller) && shows(body, TENANT_MARK)), caller, path, "shows A's " + TENANT_MARK);
                expect(INSIDERS_OF_C.contains(caller) || !shows(body, C_MARK), caller, path, "shows C's " + C_MARK);
            }
            return answer;
        }
    }

    /** The element of an array whose value at the JSON pointer is this one; a missing node when none is. */
    static JsonNode find(JsonNode array, String pointer, String value) {
        for (JsonNode element : array) {
            if (element.at(pointer).asText().equals(value)) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    static boolean near(Double actual, double expected, double tolerance) {
        return actual != null && Math.abs(actual - expected) <= tolerance + 1e-12;
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
                "evaluation:/api/v1/deployments/" + deployment, "evaluation:/api/v1/measurements/" + measurementOfA,
                "evaluation:/api/v1/measurements/" + measurementOfA + "/history", "partner:/api/v1/collaborations/" + collaboration,
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
