package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkTest {

    @Test
    void agreementsStayWithinTheirMunicipalityAndTheOwnerReportsProgress() {
        Fixtures.organisation("huurders-0910", "tenant-organisation", "GM0910");
        Fixtures.organisation("gemeente-0911", "municipality", "GM0911");
        Fixtures.organisation("corp-0910", "corporation", "GM0910");
        String id = given().auth().oauth2(Tokens.corporation("corp-0910")).contentType(ContentType.JSON)
                .body(Map.of("municipalityCode", "GM0910", "year", 2026, "title", "Thuisgevoel naar 7,0", "ownerId", "huurders-0910",
                        "indicator", "tenant.feeling-at-home", "areaCode", "BU09100101", "targetValue", 7.0, "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.partner("huurders-0910")).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2026-06-30", "value", 6.6, "note", "Portiekgesprekken gehouden."))
                .post("/api/v1/agreements/{id}/progress", id).then().statusCode(200)
                .body("progress", hasSize(1)).body("progress[0].note", equalTo("Portiekgesprekken gehouden."));
        given().auth().oauth2(Tokens.partner("huurders-0910")).queryParam("municipality", "GM0910").queryParam("year", 2026)
                .get("/api/v1/agreements").then().statusCode(200).body("items.id", contains(id));

        // a partner of another municipality sees none of it and cannot report on it
        given().auth().oauth2(Tokens.partner("gemeente-0911")).queryParam("municipality", "GM0910").get("/api/v1/agreements")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.partner("gemeente-0911")).get("/api/v1/agreements/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("gemeente-0911")).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2026-06-30", "note", "x")).post("/api/v1/agreements/{id}/progress", id).then().statusCode(404);
        // nor does a corporation that does not work there
        given().auth().oauth2(Tokens.corporation("corp-0911")).queryParam("municipality", "GM0910").get("/api/v1/agreements")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.corporation("corp-0911")).get("/api/v1/agreements/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.corporation("corp-0911")).contentType(ContentType.JSON)
                .body(Map.of("municipalityCode", "GM0910", "year", 2026, "title", "x", "ownerId", "huurders-0910", "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(403);
        given().auth().oauth2(Tokens.corporation("corp-0910")).contentType(ContentType.JSON)
                .body(Map.of("municipalityCode", "GM0910", "year", 2026, "title", "x", "ownerId", "bestaat-niet", "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(400).body("errors[0].field", equalTo("ownerId"));
    }

    @Test
    void contactsAreForTheOrganisationItselfOnly() {
        Fixtures.organisation("welzijn-0914", "welfare", "GM0914");
        given().auth().oauth2(Tokens.partner("welzijn-0914")).contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima el Amrani", "role", "Opbouwwerker", "email", "f.elamrani@welzijn.example"))
                .post("/api/v1/organisations/{id}/contacts", "welzijn-0914").then().statusCode(201);
        given().auth().oauth2(Tokens.partner("welzijn-0914")).get("/api/v1/organisations/{id}/contacts", "welzijn-0914")
                .then().statusCode(200).body("items.name", contains("Fatima el Amrani"));
        given().auth().oauth2(Tokens.partner("politie-0912")).get("/api/v1/organisations/{id}/contacts", "welzijn-0914")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.partner("welzijn-0914")).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "email", "geen-adres")).post("/api/v1/organisations/{id}/contacts", "welzijn-0914")
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
    }
}
