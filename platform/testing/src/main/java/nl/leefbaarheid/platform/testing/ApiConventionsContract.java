package nl.leefbaarheid.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.leefbaarheid.platform.security.VerifiedTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The conventions every service keeps: problem details for every error, bearer-token security,
 * nothing stored by a refused request, health, OpenAPI and metrics. Each service runs these tests against one of its
 * own collections: a {@code @QuarkusTest} subclass names the collection, a body it accepts and one it refuses, and who
 * may and may not write it.
 */
public abstract class ApiConventionsContract {

    /** A paged collection that answers {@code totalItems} to the admin and accepts POST, e.g. {@code /api/v1/areas}. */
    protected abstract String collection();

    /** A body the collection would store. */
    protected abstract String valid();

    /** A body with one invalid field, {@link #invalidField()}. */
    protected abstract String invalid();

    protected abstract String invalidField();

    /** The id of no member of the collection. */
    protected abstract String unknownId();

    /** A token that may write the collection. */
    protected abstract String writer();

    /** A valid token whose role may not write the collection. */
    protected abstract String wrongRole();

    @Test
    public void requestWithoutTokenIsUnauthorizedAndStoresNothing() {
        long before = count();
        given().contentType(ContentType.JSON).body(valid()).post(collection())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://leefbaarheid.nl/problems/unauthenticated"))
                .body("status", equalTo(401));
        given().get(collection()).then().statusCode(401).contentType("application/problem+json");
        assertCount(before);
    }

    @Test
    public void expiredOrForeignTokensAreUnauthorized() {
        given().auth().oauth2(Tokens.expired()).get(collection()).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get(collection()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    public void aTokenIsVerifiedOnceAndATamperedCopyIsUnauthorized() {
        JWTParser parser = Arc.container().instance(JWTParser.class).get();
        assertThat(ClientProxy.unwrap(parser)).as("the parser every request goes through").isInstanceOf(VerifiedTokens.class);
        String token = Tokens.admin();
        given().auth().oauth2(token).get(collection()).then().statusCode(200);
        given().auth().oauth2(token).get(collection()).then().statusCode(200);
        given().auth().oauth2(token.substring(0, token.length() - 2)).get(collection()).then().statusCode(401)
                .contentType("application/problem+json");
        // a corporation's token, used once (so remembered as verified), then made into an admin's with the signature it had
        String corporation = Tokens.corporation("corp-a");
        given().auth().oauth2(corporation).get(collection()).then().statusCode(not(401));
        String[] parts = corporation.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String claims = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = claims.replace("[\"corporation\"]", "[\"admin\"]");
        assertThat(escalated).isNotEqualTo(claims);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged).get(collection()).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    public void wrongRoleIsForbiddenAndStoresNothing() {
        long before = count();
        given().auth().oauth2(wrongRole()).contentType(ContentType.JSON).body(valid()).post(collection())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/forbidden"));
        assertCount(before);
    }

    @Test
    public void malformedJsonIsBadRequestAndStoresNothing() {
        long before = count();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"broken\": ").post(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/malformed-json"))
                .body("detail", startsWith("The request body is not valid JSON"));
        assertCount(before);
    }

    @Test
    public void invalidFieldsAreNamedAndNothingIsStored() {
        long before = count();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(invalid()).post(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/validation-failed"))
                .body("errors.field", hasItem(invalidField()));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).post(collection())
                .then().statusCode(400).contentType("application/problem+json");
        assertCount(before);
    }

    @Test
    public void unknownIdAndUnknownRouteAreNotFound() {
        given().auth().oauth2(Tokens.admin()).get(collection() + "/" + unknownId())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/not-found"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    public void aParameterOfTheWrongTypeIsBadRequestNotNotFound() {
        given().auth().oauth2(Tokens.admin()).queryParam("page", "abc").get(collection())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/invalid-parameter"));
    }

    /** A JSON body one byte over the configured limit. */
    private static byte[] oversized() {
        MemorySize maxBodySize = ConfigProvider.getConfig().getValue("leefbaarheid.max-body-size", MemorySize.class);
        byte[] body = new byte[(int) maxBodySize.asLongValue() + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        return body;
    }

    @Test
    public void wrongMethodMediaTypeAndOversizedBodyAreProblems() {
        long before = count();
        given().auth().oauth2(writer()).delete(collection())
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(writer()).contentType(ContentType.TEXT).body("plain").post(collection())
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(oversized())
                .post(collection())
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://leefbaarheid.nl/problems/payload-too-large"));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 100_000).get(collection())
                .then().statusCode(400).body("errors.field", hasItem("size"));
        assertCount(before);
    }

    @Test
    public void readinessIsTheDatabaseAndTheBrokerHasAHealthGroupOfItsOwn() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.name", not(hasItem("kafka-broker")))
                .body("checks.name", not(hasItem("Kafka connection health check")));
        given().get("/q/health/live").then().statusCode(200);
        Eventually.holds(Duration.ofSeconds(15), () -> given().get("/q/health/group/kafka").then().statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("UP")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("kafka_broker_reachable"));
    }

    @Test
    public void openApiSwaggerUiAndMetricsAreServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.schemas", hasKey("Problem"))
                .body("paths", hasKey(collection()));
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private long count() {
        return given().auth().oauth2(Tokens.admin()).get(collection()).then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    private void assertCount(long expected) {
        given().auth().oauth2(Tokens.admin()).get(collection()).then().statusCode(200)
                .body("totalItems", equalTo((int) expected));
    }
}
