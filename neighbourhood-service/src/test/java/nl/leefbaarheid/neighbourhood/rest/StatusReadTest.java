package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

/** Status reads are served from views written once per version, and are never older than the stored status. */
@QuarkusTest
class StatusReadTest {

    static final String CHANGED = "BU09040101", ELSEWHERE = "BU09040102", SHARED = "BU09040103";

    @Inject
    EntityManager em;

    @BeforeEach
    void setUp() {
        Areas.register("0904", 2024, Map.of("01", 900, "02", 800, "03", 700));
        for (String area : List.of(CHANGED, ELSEWHERE, SHARED)) {
            given().auth().oauth2(Tokens.corporation("corp-r")).contentType(ContentType.JSON)
                    .body(Map.of("code", "R" + area.substring(8), "name", "De Esch", "neighbourhoodCode", area, "households", 60))
                    .post("/api/v1/corporations/corp-r/complexes").then().extract().statusCode();
        }
    }

    void survey(String area, String period, double mark) {
        given().auth().oauth2(Tokens.corporation("corp-r")).contentType(ContentType.JSON)
                .body(List.of(AccessAndBatchTest.row(area, null, "tenant.feeling-at-home", period, mark, 40)))
                .post("/api/v1/observations").then().statusCode(200);
    }

    int version(String area) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/" + area + "/status").then().statusCode(200)
                .extract().path("version");
    }

    @Test
    void theReadAfterAChangeShowsTheNewVersion() {
        survey(CHANGED, "2025-Q1", 6.0);
        int before = version(CHANGED);
        version(CHANGED); // read twice, so the second comes from the cached view

        survey(CHANGED, "2025-Q2", 7.6);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/" + CHANGED + "/status").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("version", equalTo(before + 1)).body("status.tenantExperience.mean", equalTo(7.6f));
    }

    @Test
    void aStatusStoredByAnotherInstanceShowsOnTheNextRead() {
        survey(ELSEWHERE, "2025-Q3", 6.2);
        int before = version(ELSEWHERE);
        // as another replica would commit it: nothing in this instance hears of it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update area_status set version = version + 1, changed_at = now(), computed_at = now(),
                       status = jsonb_set(status, '{priority}', '0.99') where subject = :s""").setParameter("s", ELSEWHERE).executeUpdate());
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/" + ELSEWHERE + "/status").then().statusCode(200)
                .body("version", equalTo(before + 1)).body("status.priority", equalTo(0.99f));
    }

    @Test
    void aCallerWithoutAccessGetsTheRedactedViewAfterOneWithAccessReadTheFullOne() {
        survey(SHARED, "2025-Q4", 6.1);
        given().auth().oauth2(Tokens.corporation("corp-r")).get("/api/v1/areas/" + SHARED + "/status").then().statusCode(200)
                .body("restricted", equalTo(false)).body("status.tenantExperience.mean", equalTo(6.1f));
        given().auth().oauth2(Tokens.partner("politie-0904")).get("/api/v1/areas/" + SHARED + "/status").then().statusCode(200)
                .body("restricted", equalTo(true)).body("status.tenantExperience", nullValue())
                .body("status.signals", not(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("tenant-"))));
        given().auth().oauth2(Tokens.corporation("corp-other")).get("/api/v1/areas/" + SHARED + "/status").then().statusCode(200)
                .body("restricted", equalTo(true)).body("status.tenantExperience", nullValue());

        // a share is seen on the next read, and withdrawing it as well
        given().auth().oauth2(Tokens.corporation("corp-r")).put("/api/v1/corporations/corp-r/shares/politie-0904").then().statusCode(204);
        given().auth().oauth2(Tokens.partner("politie-0904")).get("/api/v1/areas/" + SHARED + "/status").then()
                .body("restricted", equalTo(false)).body("status.tenantExperience.mean", equalTo(6.1f));
        given().auth().oauth2(Tokens.corporation("corp-r")).delete("/api/v1/corporations/corp-r/shares/politie-0904").then().statusCode(204);
        given().auth().oauth2(Tokens.partner("politie-0904")).get("/api/v1/areas/" + SHARED + "/status").then()
                .body("restricted", equalTo(true)).body("status.tenantExperience", nullValue());
    }

    @Test
    void aRankingCarriesItsTotalOnEveryPageAndPastTheLast() {
        for (String area : List.of(CHANGED, ELSEWHERE, SHARED)) {
            survey(area, "2024-Q1", 6.5);
        }
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0904").queryParam("size", 2)
                .get("/api/v1/rankings").then().statusCode(200)
                .body("items.rank", contains(1, 2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0904").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/rankings").then().statusCode(200).body("items.rank", contains(3)).body("totalItems", equalTo(3));
        given().auth().oauth2(Tokens.admin()).queryParam("municipality", "GM0904").queryParam("size", 2).queryParam("page", 5)
                .get("/api/v1/rankings").then().statusCode(200).body("items", empty()).body("totalItems", equalTo(3));
    }

    @Test
    void anUnknownAreaHasNoStatus() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09049999/status").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
