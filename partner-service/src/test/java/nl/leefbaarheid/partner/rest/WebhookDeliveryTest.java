package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.partner.domain.WebhookSignature;
import nl.leefbaarheid.platform.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real HTTP receivers on the loopback: a good one, a flaky one, one that is down and one that hangs, on the port the
 * tests allow-list (%test.partner.webhooks.allowed-targets).
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final String SECRET = "geheim-van-de-ontvanger-0907";
    /** The tests' receiver port, allow-listed for 127.0.0.1 and receiver.test in application.properties. */
    public static final int RECEIVER_PORT = 18099;

    @ConfigProperty(name = "mp.messaging.incoming.statuses.group.id")
    String groupId;

    HttpServer server;
    final List<String> goodBodies = new CopyOnWriteArrayList<>();
    final Map<String, Instant> firstArrival = new ConcurrentHashMap<>();
    final AtomicInteger flakyCalls = new AtomicInteger();
    final AtomicInteger downCalls = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();

    @BeforeEach
    void receivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/good", exchange -> {
            String body = body(exchange);
            if (!WebhookSignature.verify(SECRET, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now().getEpochSecond(), 300)) {
                badSignatures.incrementAndGet();
                answer(exchange, 401);
                return;
            }
            firstArrival.putIfAbsent("good", Instant.now());
            goodBodies.add(body);
            answer(exchange, 204);
        });
        server.createContext("/flaky", exchange -> {
            body(exchange);
            answer(exchange, flakyCalls.incrementAndGet() <= 2 ? 503 : 200);
        });
        server.createContext("/down", exchange -> {
            body(exchange);
            downCalls.incrementAndGet();
            answer(exchange, 500);
        });
        server.createContext("/hang", exchange -> {
            body(exchange);
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    String subscribe(String organisation, String path) {
        return given().auth().oauth2(Tokens.partner(organisation)).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + path, "secret", SECRET,
                        "types", List.of("status-changed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @Test
    void deliveriesAreSignedRetriedPausedAndNeverHeldUpByAHangingReceiver() throws Exception {
        for (String name : List.of("good", "flaky", "down", "hang")) {
            Fixtures.organisation(name + "-0907", "other", "GM0907");
        }
        Fixtures.organisation("gemeente-0907", "municipality", "GM0907");
        Fixtures.collaboration("corp-0907", "GM0907", "gemeente-0907",
                List.of("good-0907", "flaky-0907", "down-0907", "hang-0907"), List.of("GM0907"), false, false);
        String hang = subscribe("hang-0907", "/hang");
        String good = subscribe("good-0907", "/good");
        String flaky = subscribe("flaky-0907", "/flaky");
        String down = subscribe("down-0907", "/down");
        Fixtures.awaitConsumer(groupId);

        Instant sent = Instant.now();
        Fixtures.statusChanged("BU09070101", "green", "green", List.of("livability.deviation", "resilience.quadrant"));

        long deadline = System.currentTimeMillis() + 20_000;
        while (goodBodies.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(goodBodies).as("the good receiver got the signal").hasSize(1);
        // the hanging receiver (30 s) did not hold it up: it arrived within a few seconds of the event
        assertThat(firstArrival.get("good")).isBefore(sent.plusSeconds(5));
        assertThat(goodBodies.get(0)).contains("BU09070101", "\"status-changed\"", "under-pressure");
        assertThat(badSignatures.get()).isZero();

        deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && !(boolean) given().auth().oauth2(Tokens.partner("down-0907"))
                .get("/api/v1/webhooks/{id}", down).then().extract().path("paused")) {
            Thread.sleep(200);
        }
        // the receiver that is down: 3 attempts (the test limit), then the webhook is paused, visible to its owner
        given().auth().oauth2(Tokens.partner("down-0907")).get("/api/v1/webhooks/{id}", down).then().statusCode(200)
                .body("paused", equalTo(true)).body("failed", equalTo(1))
                .body("pausedReason", containsString("Paused after 3 failed attempts"))
                .body("lastError", equalTo("the receiver answered 500"));
        assertThat(downCalls.get()).isEqualTo(3);
        // the flaky one: two failures, then delivered on the third attempt
        given().auth().oauth2(Tokens.partner("flaky-0907")).get("/api/v1/webhooks/{id}/deliveries", flaky).then().statusCode(200)
                .body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(3));
        // the good one: once
        given().auth().oauth2(Tokens.partner("good-0907")).get("/api/v1/webhooks/{id}/deliveries", good).then()
                .body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(1));
        // owners see only their own webhooks
        given().auth().oauth2(Tokens.partner("good-0907")).get("/api/v1/webhooks/{id}", down).then().statusCode(404);
        given().auth().oauth2(Tokens.partner("hang-0907")).get("/api/v1/webhooks/{id}", hang).then().statusCode(200);

        // resumed, its failed delivery is tried again
        given().auth().oauth2(Tokens.partner("down-0907")).post("/api/v1/webhooks/{id}/resume", down).then().statusCode(200)
                .body("paused", equalTo(false)).body("pending", equalTo(1));
    }

    @Test
    void onlyHttpsOrAllowListedUrlsAreAccepted() {
        Fixtures.organisation("gemeente-0908", "municipality", "GM0908");
        given().auth().oauth2(Tokens.partner("gemeente-0908")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://meldingen.example.nl/hook", "secret", SECRET, "types", List.of("status-changed")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(Tokens.partner("gemeente-0908")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + (RECEIVER_PORT + 1) + "/hook", "secret", SECRET, "types", List.of("status-changed")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(Tokens.partner("gemeente-0908")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://meldingen.example.nl/hook", "secret", "kort", "types", List.of("alles")))
                .post("/api/v1/webhooks").then().statusCode(400);
        given().auth().oauth2(Tokens.corporation("corp-0908")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://meldingen.example.nl/hook", "secret", SECRET, "types", List.of("status-changed")))
                .post("/api/v1/webhooks").then().statusCode(403);
    }
}
