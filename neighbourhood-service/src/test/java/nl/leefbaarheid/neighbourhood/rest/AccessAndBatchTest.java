package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessAndBatchTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        Areas.register("0903", 2024, Map.of("01", 900, "02", 700));
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(Map.of("code", "C1", "name", "De Linde", "neighbourhoodCode", "BU09030101", "households", 80))
                .post("/api/v1/corporations/corp-a/complexes").then().extract().statusCode();
    }

    static Map<String, Object> row(String area, String complex, String indicator, String period, Object value, Integer respondents) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("areaCode", area);
        row.put("complexId", complex);
        row.put("indicator", indicator);
        row.put("period", period);
        row.put("value", value);
        row.put("respondents", respondents);
        return row;
    }

    @Test
    void complexFiguresAndTenantMarksAreForTheOwnerAndThoseItSharesWith() {
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(List.of(row("BU09030101", "C1", "tenant.feeling-at-home", "2026-Q2", 6.8, 35)))
                .post("/api/v1/observations").then().statusCode(200).body("changedObservations", equalTo(1));

        // a partner without a share: no complex, no tenant figures of the area
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/corporations/corp-a/complexes/C1").then().statusCode(404);
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/corporations/corp-a/complexes/C1/status").then().statusCode(404);
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/areas/BU09030101/status").then().statusCode(200)
                .body("restricted", equalTo(true)).body("status.tenantExperience", equalTo(null))
                .body("status.signals", not(hasItem("tenant-orange")));
        // another corporation neither
        given().auth().oauth2(Tokens.corporation("corp-b")).get("/api/v1/corporations/corp-a/complexes").then().statusCode(404);
        given().auth().oauth2(Tokens.corporation("corp-b")).queryParam("corporation", "corp-a").get("/api/v1/rankings").then().statusCode(404);

        // once corp-a shares with the partner, it sees them
        given().auth().oauth2(Tokens.corporation("corp-a")).put("/api/v1/corporations/corp-a/shares/politie-0903").then().statusCode(204);
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/corporations/corp-a/complexes/C1/status").then().statusCode(200)
                .body("status.tenantExperience.colour", equalTo("orange"));
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/areas/BU09030101/status").then()
                .body("restricted", equalTo(false)).body("status.tenantExperience.mean", equalTo(6.8f));
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/corporations/corp-a/working-area").then().statusCode(200)
                .body("neighbourhoods", hasItem("BU09030101"));
        given().auth().oauth2(Tokens.corporation("corp-a")).delete("/api/v1/corporations/corp-a/shares/politie-0903").then().statusCode(204);
        given().auth().oauth2(Tokens.partner("politie-0903")).get("/api/v1/corporations/corp-a/complexes/C1").then().statusCode(404);
        // who granted and revoked the share, in the audit trail
        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "share").queryParam("recordId", "corp-a/politie-0903")
                .get("/api/v1/audit-entries").then().statusCode(200).body("items.action", org.hamcrest.Matchers.contains("revoked", "granted"))
                .body("items[0].actor.organisation", equalTo("corp-a"));
    }

    @Test
    void anOverrideShowsBesideTheComputedColour() {
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(Map.of("code", "C2", "name", "Het Anker", "neighbourhoodCode", "BU09030102", "households", 40))
                .post("/api/v1/corporations/corp-a/complexes").then().statusCode(201);
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(List.of(row("BU09030102", "C2", "tenant.feeling-at-home", "2026-Q1", 6.9, 30)))
                .post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(Map.of("colour", "green", "reason", "Nieuwe beheerder; bewoners zijn positiever dan de enquête zegt."))
                .put("/api/v1/corporations/corp-a/complexes/C2/tenant-colour-override").then().statusCode(200)
                .body("status.tenantExperience.colour", equalTo("green"))
                .body("status.tenantExperience.computedColour", equalTo("orange"))
                .body("status.tenantExperience.override.author", equalTo("corp-a-user"))
                .body("status.tenantExperience.override.reason", equalTo("Nieuwe beheerder; bewoners zijn positiever dan de enquête zegt."));
        given().auth().oauth2(Tokens.corporation("corp-b")).contentType(ContentType.JSON)
                .body(Map.of("colour", "red", "reason", "x")).put("/api/v1/corporations/corp-a/complexes/C2/tenant-colour-override")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "colour-override").get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.find { it.recordId.endsWith('/corp-a') }.action", equalTo("set"))
                .body("items.find { it.recordId.endsWith('/corp-a') }.after.colour", equalTo("GREEN"));
    }

    @Test
    void aBatchWithBadRowsIsRefusedWholeAndNamesEveryRow() {
        long before = observations();
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType(ContentType.JSON)
                .body(List.of(row("BU09030102", null, "nuisance.reports-per-100-homes", "2026-Q2", 3.5, null),
                        row("BU09030102", null, "tenant.geluk", "2026-Q2", 7.0, 20),
                        row("BU09030102", null, "tenant.feeling-at-home", "2026-Q2", 11.0, 20),
                        row("BU09030102", null, "tenant.feeling-at-home", "2026-Q5", 7.0, 20),
                        row("BU99", null, "lbm.soc", "2024", 0.1, null),
                        row("BU09030102", "C9", "tenant.feeling-at-home", "2026-Q2", 7.0, 20)))
                .post("/api/v1/observations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("rows[1].indicator", "rows[2].value", "rows[3].period", "rows[4].areaCode",
                        "rows[5].complexId"));
        given().auth().oauth2(Tokens.corporation("corp-a")).contentType("text/csv")
                .body("area_code;indicator;period;value\nBU09030102;lbm.soc;2024;veel\n").post("/api/v1/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("line 2"));
        given().auth().oauth2(Tokens.partner("politie-0903")).contentType(ContentType.JSON)
                .body(List.of(row("BU09030102", null, "lbm.soc", "2024", 0.1, null))).post("/api/v1/observations")
                .then().statusCode(403);
        assertThat(observations()).isEqualTo(before);
    }

    long observations() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from observation").getSingleResult()).longValue());
    }
}
