package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.partner.TestHostResolver;
import nl.leefbaarheid.partner.domain.WebhookSignature;
import nl.leefbaarheid.platform.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where webhooks may send, checked at subscription and at delivery, and a webhook's life after it: types changed,
 * secret rotated, deleted. Every delivery goes to the allow-listed receiver on 127.0.0.1; subscriptions to forbidden
 * addresses are made for an organisation in no collaboration, so no signal could ever go there; the name that turns
 * bad resolves to a public address once only, for its subscription, and to a private one before any signal exists.
 */
@QuarkusTest
class WebhookLifeCycleTest {

    static final String OLD_SECRET = "het-oude-geheim-van-de-gemeente";
    static final String NEW_SECRET = "het-nieuwe-geheim-van-de-gemeente";

    @ConfigProperty(name = "mp.messaging.incoming.statuses.group.id")
    String groupId;

    HttpServer server;
    final List<Map<String, String>> rotating = new CopyOnWriteArrayList<>();
    final AtomicInteger failingCalls = new AtomicInteger();

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", WebhookDeliveryTest.RECEIVER_PORT), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/rotating", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            rotating.add(Map.of("body", body, "host", exchange.getRequestHeaders().getFirst("Host"),
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    "signature", exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER)));
            WebhookDeliveryTest.answer(exchange, 204);
        });
        server.createContext("/failing", exchange -> {
            exchange.getRequestBody().readAllBytes();
            failingCalls.incrementAndGet();
            // a body the partner must never see in its delivery record
            byte[] secret = "interne fout: wachtwoord=geheim".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static ValidatableResponse subscribe(String organisation, String url, String secret) {
        return given().auth().oauth2(Tokens.partner(organisation)).contentType(ContentType.JSON)
                .body(Map.of("url", url, "secret", secret, "types", List.of("status-changed"))).post("/api/v1/webhooks").then();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void forbiddenTargetsAreRefusedAtSubscriptionAndNothingIsStored() {
        // in no collaboration: even a subscription that slipped through would never get a signal
        Fixtures.organisation("los-0910", "other", "GM0910");
        TestHostResolver.answer("intranet.test", "93.184.216.34,10.0.0.7");
        for (String url : List.of("https://169.254.169.254/latest/meta-data/", "https://10.0.0.7/admin",
                "https://localhost:8082/api/v1/status-recalculations?municipality=GM0999", "https://127.0.0.1:55432/x",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://2130706433/", "https://0177.0.0.1/",
                "https://0x7f.0.0.1/", "https://127.1/", "https://LOCALHOST./", "https://api.localhost/", "https://[::1]/",
                "https://[fd00::1]/", "https://[fe80::1]/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[64:ff9b::a00:7]/",
                "https://intranet.test/", "https://127.0.0.2:" + WebhookDeliveryTest.RECEIVER_PORT + "/")) {
            subscribe("los-0910", url, OLD_SECRET).statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString("may not reach"));
        }
        for (String url : List.of("http://localhost:8082/api/v1/status-recalculations?municipality=GM0999",
                "https://admin:geheim@meldingen.example.nl/", "https://0x5d.0xb8.0xd8.0x22/", "https://[fe80::1%25eth0]/")) {
            subscribe("los-0910", url, OLD_SECRET).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(Tokens.partner("los-0910")).get("/api/v1/webhooks").then().statusCode(200).body("items", empty());
    }

    @Test
    void aNameThatNowResolvesToAPrivateAddressIsRefusedAtDeliveryBeforeAnyConnection() throws Exception {
        Fixtures.organisation("gemeente-0911", "municipality", "GM0911");
        Fixtures.collaboration("corp-0911", "GM0911", "gemeente-0911", List.of(), List.of("GM0911"), false, false);
        // public for the subscription's check (which never connects); private from then on, before any signal is made, so
        // that no delivery can ever be given the public address
        TestHostResolver.answer("verhuisd.test", "93.184.216.34");
        String id = subscribe("gemeente-0911", "https://verhuisd.test/hook", OLD_SECRET).statusCode(201).extract().path("id");
        TestHostResolver.answer("verhuisd.test", "10.0.0.7");
        Fixtures.awaitConsumer(groupId);

        Fixtures.statusChanged("BU09110101", "green", "green", List.of("livability.deviation"));

        await("a refused attempt", () -> given().auth().oauth2(Tokens.partner("gemeente-0911")).get("/api/v1/webhooks/{id}/deliveries", id)
                .then().extract().path("items[0].lastError") != null);
        given().auth().oauth2(Tokens.partner("gemeente-0911")).get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                .body("items[0].status", equalTo("pending")).body("items[0].lastStatus", nullValue())
                .body("items[0].lastError", equalTo("refused before connecting: verhuisd.test resolves to 10.0.0.7, a private address "
                        + "(RFC 1918): webhooks may not reach it"));
    }

    @Test
    void aDeletedWebhookGetsNoMoreDeliveriesAndTheReceiversAnswerIsNeverShown() throws Exception {
        Fixtures.organisation("gemeente-0912", "municipality", "GM0912");
        Fixtures.organisation("ander-0912", "other", "GM0912");
        Fixtures.collaboration("corp-0912", "GM0912", "gemeente-0912", List.of(), List.of("GM0912"), false, false);
        // by the name the tests' resolver points at 127.0.0.1 (allow-listed with this port)
        String id = subscribe("gemeente-0912", "http://receiver.test:" + WebhookDeliveryTest.RECEIVER_PORT + "/failing", OLD_SECRET)
                .statusCode(201).extract().path("id");
        Fixtures.awaitConsumer(groupId);
        Fixtures.statusChanged("BU09120101", "green", "green", List.of("livability.deviation"));
        await("a first failed attempt", () -> failingCalls.get() >= 1);
        given().auth().oauth2(Tokens.partner("gemeente-0912")).get("/api/v1/webhooks/{id}/deliveries", id).then()
                .body("items[0].lastError", equalTo("the receiver answered 500")).body("items[0].lastStatus", equalTo(500));

        // another organisation cannot delete it; its owner can
        given().auth().oauth2(Tokens.partner("ander-0912")).delete("/api/v1/webhooks/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("gemeente-0912")).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        Thread.sleep(300); // an attempt in flight at the moment of deletion may still arrive
        int calls = failingCalls.get();
        given().auth().oauth2(Tokens.partner("gemeente-0912")).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("gemeente-0912")).delete("/api/v1/webhooks/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        // its pending delivery (retried every 200 ms in tests, up to 3 attempts) is never attempted again
        Thread.sleep(2_000);
        assertThat(failingCalls.get()).isEqualTo(calls).isLessThan(3);
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForTheGracePeriodAndTypesChangeWithIfMatch() throws Exception {
        Fixtures.organisation("gemeente-0913", "municipality", "GM0913");
        Fixtures.organisation("ander-0913", "other", "GM0913");
        Fixtures.collaboration("corp-0913", "GM0913", "gemeente-0913", List.of(), List.of("GM0913"), false, false);
        String token = Tokens.partner("gemeente-0913");
        String id = subscribe("gemeente-0913", "http://receiver.test:" + WebhookDeliveryTest.RECEIVER_PORT + "/rotating", OLD_SECRET)
                .statusCode(201).header("ETag", "\"1\"").extract().path("id");

        // types: with the ETag read, a stale one is refused
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("types", List.of("status-changed", "evaluation-completed"))).patch("/api/v1/webhooks/{id}", id).then()
                .statusCode(200).header("ETag", "\"2\"").body("types", equalTo(List.of("status-changed", "evaluation-completed")));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("types", List.of("status-changed"))).patch("/api/v1/webhooks/{id}", id).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("types", List.of("alles")))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("ander-0913")).contentType(ContentType.JSON).body(Map.of("types", List.of("status-changed")))
                .patch("/api/v1/webhooks/{id}", id).then().statusCode(404);

        // rotation: not to the same secret, not by another organisation, not from a stale version
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("secret", OLD_SECRET))
                .post("/api/v1/webhooks/{id}/secret-rotations", id).then().statusCode(400).body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(Tokens.partner("ander-0913")).contentType(ContentType.JSON).body(Map.of("secret", NEW_SECRET))
                .post("/api/v1/webhooks/{id}/secret-rotations", id).then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("secret", NEW_SECRET))
                .post("/api/v1/webhooks/{id}/secret-rotations", id).then().statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("secret", NEW_SECRET))
                .post("/api/v1/webhooks/{id}/secret-rotations", id).then().statusCode(200).header("ETag", "\"3\"")
                .body("previousSecretValidUntil", notNullValue()).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));

        Fixtures.awaitConsumer(groupId);
        Fixtures.statusChanged("BU09130101", "green", "green", List.of("livability.deviation"));
        await("a delivery to the rotating receiver", () -> !rotating.isEmpty());
        Map<String, String> delivery = rotating.get(0);
        long now = Instant.now().getEpochSecond();
        assertThat(delivery.get("signature")).matches("v1=[0-9a-f]{64}, v1=[0-9a-f]{64}");
        assertThat(delivery.get("signature")).startsWith(WebhookSignature.sign(NEW_SECRET, Long.parseLong(delivery.get("timestamp")),
                delivery.get("body")));
        assertThat(WebhookSignature.verify(NEW_SECRET, delivery.get("timestamp"), delivery.get("body"), delivery.get("signature"), now, 300))
                .as("a receiver that moved to the new secret").isTrue();
        assertThat(WebhookSignature.verify(OLD_SECRET, delivery.get("timestamp"), delivery.get("body"), delivery.get("signature"), now, 300))
                .as("a receiver that still has the old secret").isTrue();
        assertThat(WebhookSignature.verify("een-ander-geheim-0913", delivery.get("timestamp"), delivery.get("body"),
                delivery.get("signature"), now, 300)).isFalse();
        assertThat(delivery.get("host")).isEqualTo("receiver.test:" + WebhookDeliveryTest.RECEIVER_PORT);
    }
}
