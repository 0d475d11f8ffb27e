package nl.leefbaarheid.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's system that subscribed a webhook: it accepts a delivery only with a valid signature
 * (HMAC-SHA256 of timestamp "." body with the shared secret; any entry of the header, as after a secret rotation)
 * and keeps the signals it accepted. partner-service sends to loopback addresses only where an operator allows the
 * host:port, so it listens on the first free port of the range deploy/local/run.sh allow-lists (E2E_RECEIVER_PORTS in
 * deploy/local/env.sh, 8100-8109), on a path of its own: a later receiver on the same port answers 404 to the retries
 * of an earlier one's webhook instead of counting them as bad signatures.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String secret;
    private final String path;
    private final HttpServer server;
    private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.path = "/signals/" + UUID.randomUUID();
        server = bind();
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Signature");
            byte[] expected = timestamp == null ? null
                    : ("v1=" + sign(timestamp + "." + new String(body, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
            boolean valid = false;
            for (String entry : signature == null || expected == null ? new String[0] : signature.split(",")) {
                valid |= MessageDigest.isEqual(expected, entry.strip().getBytes(StandardCharsets.UTF_8));
            }
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

    private static HttpServer bind() throws IOException {
        String[] range = System.getenv().getOrDefault("E2E_RECEIVER_PORTS", "8100-8109").split("-");
        for (int port = Integer.parseInt(range[0]); port <= Integer.parseInt(range[1]); port++) {
            try {
                return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (BindException taken) {
                // the next one
            }
        }
        throw new IOException("no free port in " + String.join("-", range) + " for a webhook receiver (E2E_RECEIVER_PORTS)");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
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
