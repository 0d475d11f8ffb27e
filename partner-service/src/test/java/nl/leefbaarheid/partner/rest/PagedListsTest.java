package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PagedListsTest {

    @Test
    void theWorkshopsOfACollaborationComeInPages() {
        Fixtures.organisation("gemeente-0916", "municipality", "GM0916");
        String collaboration = Fixtures.collaboration("corp-0916", "GM0916", "gemeente-0916", List.of(), List.of("WK091601"), false, false);
        for (String heldOn : List.of("2026-03-01", "2026-04-01", "2026-05-01")) {
            given().auth().oauth2(Tokens.partner("gemeente-0916")).contentType(ContentType.JSON)
                    .body(Map.of("title", "Werkatelier " + heldOn, "heldOn", heldOn, "participants", List.of("gemeente-0916"),
                            "areas", List.of("BU09160101")))
                    .post("/api/v1/collaborations/{c}/workshops", collaboration).then().statusCode(201);
        }
        given().auth().oauth2(Tokens.partner("gemeente-0916")).queryParam("size", 2).get("/api/v1/collaborations/{c}/workshops", collaboration)
                .then().statusCode(200).body("items.heldOn", equalTo(List.of("2026-05-01", "2026-04-01")))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        given().auth().oauth2(Tokens.partner("gemeente-0916")).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/collaborations/{c}/workshops", collaboration).then().statusCode(200)
                .body("items.heldOn", equalTo(List.of("2026-03-01")));
    }

    @Test
    void everyListRefusesABadPageOrSizeAndAnswersAPage() {
        Fixtures.organisation("gemeente-0917", "municipality", "GM0917");
        String collaboration = Fixtures.collaboration("corp-0917", "GM0917", "gemeente-0917", List.of(), List.of("WK091701"), false, false);
        String webhook = WebhookLifeCycleTest.subscribe("gemeente-0917", "http://receiver.test:" + WebhookDeliveryTest.RECEIVER_PORT + "/paged",
                "paged-geheim-0123456789").statusCode(201).extract().path("id");
        String partner = Tokens.partner("gemeente-0917");
        for (String list : List.of("/api/v1/collaborations", "/api/v1/agreements?municipality=GM0917",
                "/api/v1/collaborations/" + collaboration + "/workshops", "/api/v1/organisations/gemeente-0917/contacts",
                "/api/v1/webhooks", "/api/v1/webhooks/" + webhook + "/deliveries")) {
            given().auth().oauth2(partner).get(list).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                    .body("$", hasKey("totalItems")).body("$", hasKey("totalPages"));
            for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("size", 0), Map.entry("size", 501),
                    Map.entry("page", -1))) {
                given().auth().oauth2(partner).queryParam(bad.getKey(), bad.getValue()).get(list).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
            }
        }
        // the answers leave out their empty fields, as they did before they had a schema
        given().auth().oauth2(partner).get("/api/v1/webhooks").then().body("items", hasSize(1))
                .body("items[0]", not(hasKey("pausedReason"))).body("items[0].paused", equalTo(false));
    }
}
