package nl.leefbaarheid.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's system that subscribed a webhook: it accepts a delivery only with a valid signature
 * (HMAC-SHA256 of timestamp "." body with the shared secret) and keeps the signals it accepted.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String secret;
    private final HttpServer server;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String timestamp = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    ("v1=" + sign(timestamp + "." + new String(body, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
            if (valid) {
                accepted.add(JSON.readTree(body));
            } else {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/signals";
    }

    /** Waits until a signal matches, or fails after the timeout. */
    JsonNode await(String what, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode signal : accepted) {
                if (match.test(signal)) {
                    return signal;
                }
            }
            sleep(100);
        }
        throw new AssertionError("no signal " + what + " reached the webhook receiver in " + timeout + "; it accepted "
                + accepted + " and refused " + refused.get());
    }

    List<JsonNode> accepted() {
        return List.copyOf(accepted);
    }

    int refused() {
        return refused.get();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
