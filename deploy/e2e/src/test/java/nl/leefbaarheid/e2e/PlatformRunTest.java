package nl.leefbaarheid.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The README's run command brings up all four services, ready, secured, with their demo data. */
class PlatformRunTest {

    @BeforeAll
    static void startPlatform() {
        Platform.start();
    }

    @ParameterizedTest
    @ValueSource(strings = { "catalog", "neighbourhood", "evaluation", "partner" })
    void everyServiceIsReadyAndServesItsContract(String service) {
        given().baseUri(Platform.url(service)).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(Platform.url(service)).get("/q/openapi").then().statusCode(200);
        given().baseUri(Platform.url(service)).get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(Platform.url(service)).get("/asyncapi/" + service + "-service.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("asyncapi: 3.1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "catalog:/api/v1/themes", "neighbourhood:/api/v1/areas", "evaluation:/api/v1/deployments",
            "partner:/api/v1/organisations" })
    void everyApiRefusesCallsWithoutAToken(String serviceAndPath) {
        String[] parts = serviceAndPath.split(":");
        given().baseUri(Platform.url(parts[0])).get(parts[1]).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void demoDataIsLoaded() {
        String token = Platform.adminToken();
        given().baseUri(Platform.url("catalog")).auth().oauth2(token).get("/api/v1/themes")
                .then().statusCode(200).body("totalItems", equalTo(7));
        given().baseUri(Platform.url("catalog")).auth().oauth2(token).get("/api/v1/themes/sociale-leefbaarheid/subtopics")
                .then().statusCode(200).body("size()", equalTo(5));
        given().baseUri(Platform.url("catalog")).auth().oauth2(token).get("/api/v1/interventions")
                .then().statusCode(200).body("totalItems", greaterThanOrEqualTo(40));
        given().baseUri(Platform.url("neighbourhood")).auth().oauth2(token).queryParam("parent", "GM0999")
                .get("/api/v1/areas").then().statusCode(200).body("totalItems", greaterThanOrEqualTo(3));
        given().baseUri(Platform.url("neighbourhood")).auth().oauth2(token).queryParam("municipality", "GM0999")
                .get("/api/v1/rankings").then().statusCode(200).body("totalItems", equalTo(7))
                .body("items[0].areaCode", equalTo("BU09990202")).body("items[0].quadrant", equalTo("under-pressure"));
        // the demo's own, among the deployments other tests made on the same platform
        given().baseUri(Platform.url("evaluation")).auth().oauth2(token).queryParam("size", 500).get("/api/v1/deployments")
                .then().statusCode(200).body("items.findAll { it.corporationId == 'corp-demo' }.result.verdict.findAll { it != null }",
                        org.hamcrest.Matchers.containsInAnyOrder("improved", "no-clear-change", "worsened"));
        given().baseUri(Platform.url("partner")).auth().oauth2(token).get("/api/v1/collaborations")
                .then().statusCode(200).body("items.name", org.hamcrest.Matchers.hasItem("Samen voor Noordwijk"));
    }

    @Test
    void theDemoWebhookReceiverGetsSignedSignals() throws Exception {
        // the municipality's webhook to the local receiver (which refuses bad signatures with 401)
        String token = Platform.partnerToken("gemeente-demostad");
        long deadline = System.currentTimeMillis() + 60_000;
        int delivered = 0;
        while (System.currentTimeMillis() < deadline && delivered == 0) {
            delivered = given().baseUri(Platform.url("partner")).auth().oauth2(token).get("/api/v1/webhooks")
                    .then().statusCode(200).extract().path("items.find { it.url.endsWith('/gemeente-demostad') }.delivered");
            Thread.sleep(500);
        }
        org.assertj.core.api.Assertions.assertThat(delivered).as("signals delivered to the demo receiver").isPositive();
        given().baseUri(Platform.url("partner")).auth().oauth2(token).get("/api/v1/webhooks")
                .then().body("items.find { it.url.endsWith('/gemeente-demostad') }.failed", equalTo(0))
                .body("items.find { it.url.endsWith('/gemeente-demostad') }.paused", equalTo(false));
        given().baseUri(Platform.url("partner")).auth().oauth2(Platform.adminToken()).queryParam("municipality", "GM0999")
                .get("/api/v1/organisations").then().statusCode(200).body("totalItems", greaterThanOrEqualTo(5));
    }
}
