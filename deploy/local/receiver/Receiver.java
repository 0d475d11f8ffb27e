import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner system for local runs: receives partner-service's webhook deliveries on the loopback, checks the
 * HMAC signature (any entry of the header, as after a secret rotation) and the timestamp (at most 5 minutes old) and
 * logs every signal it accepts.
 * Usage: java Receiver.java PORT SECRET
 */
public class Receiver {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Leefbaarheid-Signature");
            boolean valid = timestamp != null && signature != null && fresh(timestamp)
                    && matches(sign(secret, timestamp + "." + body), signature);
            System.out.printf("%s %s %s %s%n", Instant.now(), exchange.getRequestURI().getPath(),
                    valid ? "ACCEPTED" : "REFUSED (bad signature or old timestamp)", body);
            System.out.flush();
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
        System.out.println("Webhook receiver listening on 127.0.0.1:" + port);
    }

    /**
     * Whether any entry of the header is our signature: after a secret rotation the header holds two for a while
     * ("v1=<new>, v1=<old>"), so a receiver accepts either and can move to the new secret whenever it likes.
     */
    static boolean matches(String expected, String header) {
        boolean valid = false;
        for (String entry : header.split(",")) {
            valid |= MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), entry.strip().getBytes(StandardCharsets.UTF_8));
        }
        return valid;
    }

    static boolean fresh(String timestamp) {
        try {
            return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
