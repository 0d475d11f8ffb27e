package nl.leefbaarheid.evaluation.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.leefbaarheid.evaluation.platform.security.VerifiedTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The conventions every service keeps: problem details for every error, bearer-token security,
 * nothing stored by a refused request, health, OpenAPI and metrics. The same test in every service.
 */
@QuarkusTest
class ApiConventionsTest {

    static final String COLLECTION = "/api/v1/deployments";
    static final String VALID = """
            {"interventionId": "moestuin", "interventionRevision": 1, "areaCode": "BU09990101", "owner": "Wijkbeheer", "startDate": "2026-01-01", "plannedEndDate": "2026-12-31"}""";
    static final String INVALID = """
            {"interventionId": "moestuin", "interventionRevision": 1, "areaCode": "9990101", "owner": "Wijkbeheer", "startDate": "2026-01-01", "plannedEndDate": "2026-12-31"}""";
    static final String INVALID_FIELD = "areaCode";

    static String writer() {
        return Tokens.corporation("corp-a");
    }

    static String wrongRole() {
        return Tokens.partner("org-a");
    }

    @Test
    void requestWithoutTokenIsUnauthorizedAndStoresNothing() {
        long before = count();
        given().contentType(ContentType.JSON).body(VALID).post(COLLECTION)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://leefbaarheid.nl/problems/unauthenticated"))
                .body("status", equalTo(401));
        given().get(COLLECTION).then().statusCode(401).contentType("application/problem+json");
        assertCount(before);
    }

    @Test
    void expiredOrForeignTokensAreUnauthorized() {
        given().auth().oauth2(Tokens.expired()).get(COLLECTION).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get(COLLECTION).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsVerifiedOnceAndATamperedCopyIsUnauthorized() {
        assertThat(ClientProxy.unwrap(parser)).as("the parser every request goes through").isInstanceOf(VerifiedTokens.class);
        String token = Tokens.admin();
        given().auth().oauth2(token).get(COLLECTION).then().statusCode(200);
        given().auth().oauth2(token).get(COLLECTION).then().statusCode(200);
        given().auth().oauth2(token.substring(0, token.length() - 2)).get(COLLECTION).then().statusCode(401)
                .contentType("application/problem+json");
        // a corporation's token, used once (so remembered as verified), then made into an admin's with the signature it had
        String corporation = Tokens.corporation("corp-a");
        given().auth().oauth2(corporation).get(COLLECTION).then().statusCode(not(401));
        String[] parts = corporation.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = claims.replace("[\"corporation\"]", "[\"admin\"]");
        assertThat(escalated).isNotEqualTo(claims);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged).get(COLLECTION).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIsForbiddenAndStoresNothing() {
        long before = count();
        given().auth().oauth2(wrongRole()).contentType(ContentType.JSON).body(VALID).post(COLLECTION)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/forbidden"));
        assertCount(before);
    }

    @Test
    void malformedJsonIsBadRequestAndStoresNothing() {
        long before = count();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"broken\": ").post(COLLECTION)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/malformed-json"))
                .body("detail", startsWith("The request body is not valid JSON"));
        assertCount(before);
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        long before = count();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(INVALID).post(COLLECTION)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/validation-failed"))
                .body("errors.field", hasItem(INVALID_FIELD));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).post(COLLECTION)
                .then().statusCode(400).contentType("application/problem+json");
        assertCount(before);
    }

    @Test
    void unknownIdAndUnknownRouteAreNotFound() {
        given().auth().oauth2(Tokens.admin()).get(COLLECTION + "/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/not-found"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aParameterOfTheWrongTypeIsBadRequestNotNotFound() {
        given().auth().oauth2(Tokens.admin()).queryParam("page", "abc").get(COLLECTION)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/invalid-parameter"));
    }

    @ConfigProperty(name = "platform.max-body-size")
    MemorySize maxBodySize;

    /** A JSON body one byte over the configured limit. */
    byte[] oversized() {
        byte[] body = new byte[(int) maxBodySize.asLongValue() + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        return body;
    }

    @Test
    void wrongMethodMediaTypeAndOversizedBodyAreProblems() {
        long before = count();
        given().auth().oauth2(writer()).delete(COLLECTION)
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(writer()).contentType(ContentType.TEXT).body("plain").post(COLLECTION)
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(oversized())
                .post(COLLECTION)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/payload-too-large"));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 100_000).get(COLLECTION)
                .then().statusCode(400).body("errors.field", hasItem("size"));
        assertCount(before);
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiSwaggerUiAndMetricsAreServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.schemas", hasKey("Problem"))
                .body("paths", hasKey(COLLECTION));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private static long count() {
        return given().auth().oauth2(Tokens.admin()).get(COLLECTION).then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    private static void assertCount(long expected) {
        given().auth().oauth2(Tokens.admin()).get(COLLECTION).then().statusCode(200)
                .body("totalItems", equalTo((int) expected));
    }
}
