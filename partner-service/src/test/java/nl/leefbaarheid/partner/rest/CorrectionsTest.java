package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Mistakes can be corrected: organisations, contact persons, collaborations and agreements are corrected for the version
 * read (If-Match), by those allowed, with an audit entry of each step; contact persons are erased, one or all at once,
 * and the trail never held their names.
 */
@QuarkusTest
class CorrectionsTest {

    @Test
    void anOrganisationIsCorrectedByItselfForTheVersionItRead() {
        Fixtures.organisation("welzijn-0921", "welfare", "GM0921");
        Fixtures.organisation("politie-0921", "police", "GM0921");
        String welfare = Tokens.partner("welzijn-0921");
        String at = "/api/v1/organisations/welzijn-0921";
        given().auth().oauth2(welfare).get(at).then().statusCode(200).body("version", equalTo(1));
        Map<String, Object> rename = Map.of("name", "Stichting Welzijn Oost", "reason", "Naam gewijzigd na de fusie.");
        given().auth().oauth2(welfare).contentType(ContentType.JSON).body(rename).patch(at).then().statusCode(428);
        given().auth().oauth2(Tokens.partner("politie-0921")).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rename).patch(at)
                .then().statusCode(403);
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("municipalityCode", "0921"))
                .patch(at).then().statusCode(400);
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rename).patch(at).then().statusCode(200)
                .header("ETag", "\"2\"").body("name", equalTo("Stichting Welzijn Oost"));
        given().auth().oauth2(welfare).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(rename).patch(at).then().statusCode(412);
        given().auth().oauth2(Tokens.partner("politie-0921")).get(at + "/history").then().statusCode(200)
                .body("items.action", contains("updated", "created")).body("items[0].reason", equalTo("Naam gewijzigd na de fusie."))
                .body("items[0].actor.organisation", equalTo("welzijn-0921")).body("items[0].changes", contains("name", "version"));
    }

    @Test
    void contactPersonsAreCorrectedAndErasedAndTheTrailNeverHeldTheirNames() {
        Fixtures.organisation("gemeente-0922", "municipality", "GM0922");
        String municipality = Tokens.partner("gemeente-0922");
        String contacts = "/api/v1/organisations/gemeente-0922/contacts";
        int first = given().auth().oauth2(municipality).contentType(ContentType.JSON)
                .body(Map.of("name", "Fatima el Amrani", "role", "Wijkregisseur", "email", "f.elamrani@gemeente.example")).post(contacts)
                .then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
        given().auth().oauth2(municipality).contentType(ContentType.JSON)
                .body(Map.of("name", "Kees de Vries", "email", "k.devries@gemeente.example")).post(contacts).then().statusCode(201);
        given().auth().oauth2(municipality).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("role", "Teamleider wijkregie", "email", "f.amrani@gemeente.example")).patch(contacts + "/" + first).then()
                .statusCode(200).body("role", equalTo("Teamleider wijkregie")).body("version", equalTo(2));
        given().auth().oauth2(municipality).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("email", "geen-adres"))
                .patch(contacts + "/" + first).then().statusCode(400);
        given().auth().oauth2(Tokens.partner("politie-0921")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("role", "x")).patch(contacts + "/" + first).then().statusCode(404);

        given().auth().oauth2(municipality).queryParam("reason", "Vertrokken").delete(contacts + "/" + first).then().statusCode(204);
        given().auth().oauth2(municipality).get(contacts + "/" + first).then().statusCode(404);
        String trail = given().auth().oauth2(municipality).get(contacts + "/" + first + "/history").then().statusCode(200)
                .body("items.action", contains("erased", "updated", "created")).extract().asString();
        assertThat(trail).doesNotContain("Amrani").doesNotContain("gemeente.example").contains("Teamleider wijkregie");
        given().auth().oauth2(municipality).delete(contacts).then().statusCode(200).body("erased", equalTo(1));
        given().auth().oauth2(municipality).get(contacts).then().statusCode(200).body("items", empty());
        String all = given().auth().oauth2(Tokens.admin()).queryParam("recordKind", "contact").queryParam("size", 500).get("/api/v1/audit-entries")
                .then().statusCode(200).extract().asString();
        assertThat(all).doesNotContain("de Vries").doesNotContain("Amrani");
    }

    @Test
    void aCollaborationChangesAndEndsAndAnAgreementAndItsProgressAreCorrected() {
        Fixtures.organisation("gemeente-0923", "municipality", "GM0923");
        Fixtures.organisation("politie-0923", "police", "GM0923");
        Fixtures.organisation("ggz-0923", "care", "GM0923");
        String collaboration = Fixtures.collaboration("corp-0923", "GM0923", "gemeente-0923", List.of("politie-0923"), List.of("WK092301"),
                false, false);
        String at = "/api/v1/collaborations/" + collaboration;
        String coordinator = Tokens.partner("gemeente-0923");
        Map<String, Object> change = Map.of("members", List.of("politie-0923", "ggz-0923"), "areas", List.of("WK092301", "WK092302"),
                "sharing", Map.of("complexes", false, "surveys", true, "evaluations", true), "reason", "De GGZ doet voortaan mee.");
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).patch(at)
                .then().statusCode(403);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("areas", List.of("WK099901"))).patch(at).then().statusCode(400).body("errors[0].field", equalTo("areas[0]"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change).patch(at).then()
                .statusCode(200).body("members", contains("gemeente-0923", "ggz-0923", "politie-0923"))
                .body("areas", contains("WK092301", "WK092302")).body("sharing.surveys", equalTo(true)).body("version", equalTo(2));
        given().auth().oauth2(Tokens.partner("ggz-0923")).get(at).then().statusCode(200).header("ETag", "\"2\"");
        Map<String, Object> end = Map.of("endDate", LocalDate.now().toString(), "reason", "De wijkaanpak is afgerond.");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(end).post(at + "/end").then().statusCode(428);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(end).post(at + "/end").then()
                .statusCode(200).body("endReason", equalTo("De wijkaanpak is afgerond.")).body("endDate", equalTo(LocalDate.now().toString()));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(end).post(at + "/end").then()
                .statusCode(409);
        given().auth().oauth2(Tokens.partner("ggz-0923")).get(at + "/history").then().statusCode(200)
                .body("items.action", contains("ended", "updated", "created"));
        given().auth().oauth2(Tokens.partner("gemeente-0922")).get(at + "/history").then().statusCode(404);

        String corporation = Tokens.corporation("corp-0923");
        String agreement = given().auth().oauth2(corporation).contentType(ContentType.JSON).body(Map.of("municipalityCode", "GM0923",
                "year", 2026, "title", "Overlast omlaag", "ownerId", "politie-0923", "targetValue", 4.0, "dueOn", "2026-12-31"))
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        String agreementAt = "/api/v1/agreements/" + agreement;
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("dueOn", "2027-06-30")).patch(agreementAt).then().statusCode(403);
        given().auth().oauth2(corporation).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("dueOn", "2027-06-30", "ownerId", "bestaat-niet")).patch(agreementAt).then().statusCode(400);
        given().auth().oauth2(corporation).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("dueOn", "2027-06-30", "reason", "Termijn verlengd.")).patch(agreementAt).then().statusCode(200)
                .body("dueOn", equalTo("2027-06-30")).body("version", equalTo(2));
        int progress = given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2026-06-30", "value", 5.1, "note", "Eerste helft")).post(agreementAt + "/progress").then()
                .statusCode(200).extract().path("progress[0].id");
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("value", 4.6))
                .patch(agreementAt + "/progress/" + progress).then().statusCode(400);
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON)
                .body(Map.of("value", 4.6, "reason", "Het cijfer van het tweede kwartaal.")).patch(agreementAt + "/progress/" + progress)
                .then().statusCode(428);
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("value", 4.6, "reason", "Het cijfer van het tweede kwartaal.")).patch(agreementAt + "/progress/" + progress)
                .then().statusCode(200).body("progress[0].value", equalTo(4.6f)).body("progress[0].correctionReason", not(nullValue()))
                .body("version", equalTo(3));
        given().auth().oauth2(Tokens.partner("politie-0923")).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("value", 1, "reason", "x")).patch(agreementAt + "/progress/999999999").then().statusCode(404);
        given().auth().oauth2(Tokens.partner("politie-0923")).get(agreementAt + "/history").then().statusCode(200)
                .body("items.action", contains("progress-corrected", "updated", "created"));
    }
}
