package nl.leefbaarheid.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.catalog.TestSpecs;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Themes and subtopics are changed with an ETag and retired with a reason, each step in the audit trail; what may not be
 * done is refused with problem details and changes nothing.
 */
@QuarkusTest
class ThemeChangeTest {

    @Inject
    EntityManager em;

    String theme;
    String subtopic;

    @BeforeEach
    void toolbox() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        theme = "wijzig-" + suffix;
        subtopic = "ontmoeten-" + suffix;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", theme, "name", "Wijzig " + suffix))
                .post("/api/v1/themes").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", subtopic, "name", "Ontmoeten " + suffix))
                .post("/api/v1/themes/{t}/subtopics", theme).then().statusCode(201);
    }

    static ValidatableResponse patch(String token, String path, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch(path).then();
    }

    @Test
    void aThemeAndASubtopicChangeWithTheirETagAndTheChangeIsAudited() {
        String etag = given().auth().oauth2(Tokens.partner("politie-demostad")).get("/api/v1/themes/{t}", theme).then().statusCode(200)
                .body("version", equalTo(0)).extract().header("ETag");
        patch(Tokens.corporation("corp-demo"), "/api/v1/themes/" + theme, etag,
                Map.of("description", "Elkaar kennen en groeten.", "position", 42, "reason", "Afgestemd met de huurders."))
                .statusCode(200).header("ETag", "\"1\"").body("description", equalTo("Elkaar kennen en groeten."))
                .body("position", equalTo(42)).body("name", org.hamcrest.Matchers.startsWith("Wijzig "));
        patch(Tokens.admin(), "/api/v1/themes/" + theme + "/subtopics/" + subtopic, "\"0\"", Map.of("name", "Elkaar ontmoeten"))
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Elkaar ontmoeten"));

        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "theme").queryParam("recordId", theme)
                .get("/api/v1/audit-entries").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].action", equalTo("updated")).body("items[0].reason", equalTo("Afgestemd met de huurders."))
                .body("items[0].changes", contains("description", "position", "version"))
                .body("items[0].actor.subject", equalTo("corp-demo-user")).body("items[0].after.position", equalTo(42));
        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "subtopic").queryParam("recordId", subtopic)
                .get("/api/v1/audit-entries").then().statusCode(200).body("items[0].after.name", equalTo("Elkaar ontmoeten"));
    }

    @Test
    void aChangeThatMayNotBeMadeIsAProblemAndChangesNothing() {
        String path = "/api/v1/themes/" + theme;
        Map<String, Object> change = Map.of("name", "Nieuw " + theme);
        long before = audited();
        patch(Tokens.corporation("corp-demo"), path, null, change).statusCode(428).contentType("application/problem+json");
        patch(Tokens.corporation("corp-demo"), path, "\"5\"", change).statusCode(412).contentType("application/problem+json");
        patch(Tokens.partner("politie-demostad"), path, "\"0\"", change).statusCode(403);
        patch(Tokens.admin(), path, "\"0\"", Map.of("name", " ")).statusCode(400).body("errors.field", contains("name"));
        patch(Tokens.admin(), path, "\"0\"", Map.of("position", 0)).statusCode(400).body("errors.field", contains("position"));
        patch(Tokens.admin(), "/api/v1/themes/bestaat-niet", "\"0\"", change).statusCode(404);
        patch(Tokens.admin(), "/api/v1/themes/" + theme + "/subtopics/bestaat-niet", "\"0\"", change).statusCode(404);
        // another theme's workbook sheet
        String other = "Ander " + theme;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", "ander-" + theme, "name", other))
                .post("/api/v1/themes").then().statusCode(201);
        patch(Tokens.admin(), path, "\"0\"", Map.of("name", other)).statusCode(409);
        given().auth().oauth2(Tokens.admin()).get(path).then().body("version", equalTo(0)).body("name", org.hamcrest.Matchers.startsWith("Wijzig "));
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void aRetiredThemeRetiresItsSubtopicsTakesNothingNewAndCannotChange() {
        String path = "/api/v1/themes/" + theme;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of()).post(path + "/retire").then().statusCode(400)
                .body("errors.field", contains("reason"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(Map.of("reason", "Opgegaan in een ander thema."))
                .post(path + "/retire").then().statusCode(412);
        given().auth().oauth2(Tokens.corporation("corp-demo")).contentType(ContentType.JSON).body(Map.of("reason", "Opgegaan in een ander thema."))
                .post(path + "/retire").then().statusCode(200).body("retiredAt", notNullValue()).header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.admin()).get(path + "/subtopics/{s}", subtopic).then().statusCode(200).body("retiredAt", notNullValue());

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "Nog eens."))
                .post(path + "/retire").then().statusCode(409);
        patch(Tokens.admin(), path, "\"1\"", Map.of("name", "Nieuw " + theme)).statusCode(409);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", "laat-" + theme, "name", "Te laat"))
                .post(path + "/subtopics").then().statusCode(409);
        given().auth().oauth2(Tokens.corporation("corp-demo")).contentType(ContentType.JSON)
                .body(TestSpecs.moestuin("test-" + UUID.randomUUID().toString().substring(0, 8), subtopic)).post("/api/v1/interventions")
                .then().statusCode(400).body("errors.field", contains("subtopicCode"));
        given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "subtopic").queryParam("recordId", subtopic)
                .get("/api/v1/audit-entries").then().statusCode(200).body("items[0].action", equalTo("retired"))
                .body("items[0].reason", equalTo("Opgegaan in een ander thema."));
    }

    @Test
    void aSubtopicIsRetiredAlone() {
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("reason", "Dubbel."))
                .post("/api/v1/themes/{t}/subtopics/{s}/retire", theme, subtopic).then().statusCode(200).body("retiredAt", notNullValue());
        given().auth().oauth2(Tokens.admin()).get("/api/v1/themes/{t}", theme).then().statusCode(200).body("retiredAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.partner("politie-demostad")).contentType(ContentType.JSON).body(Map.of("reason", "Dubbel."))
                .post("/api/v1/themes/{t}/subtopics/{s}/retire", theme, subtopic).then().statusCode(403);
    }

    long audited() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where record_id = :t").setParameter("t", theme).getSingleResult()).longValue());
    }
}
