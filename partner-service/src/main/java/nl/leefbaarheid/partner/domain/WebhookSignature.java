package nl.leefbaarheid.partner.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook delivery: HMAC-SHA256 with the subscription's secret over {@code timestamp + "." + body}.
 * The receiver recomputes it and refuses a timestamp older than a few minutes, so a captured delivery cannot
 * be replayed later. Header value: {@code v1=<hex>}. After a secret rotation, for the grace period, the header
 * carries one signature per secret, the new one first: {@code v1=<hex with new>, v1=<hex with old>}; a receiver
 * accepts the delivery when any {@code v1} entry matches the secret it holds, so it can move to the new secret at
 * any moment within the grace period.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Leefbaarheid-Signature";
    public static final String TIMESTAMP_HEADER = "X-Leefbaarheid-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header value: the current secret's signature, then the previous secret's while it is still in its grace period. */
    public static String header(String secret, String previousSecret, long timestampSeconds, String body) {
        String current = sign(secret, timestampSeconds, body);
        return previousSecret == null ? current : current + ", " + sign(previousSecret, timestampSeconds, body);
    }

    /** Whether one of the header's signatures is valid for the secret and its timestamp within the tolerance of now. */
    public static boolean verify(String secret, String timestamp, String body, String signatures, long nowSeconds,
            long toleranceSeconds) {
        if (timestamp == null || signatures == null) {
            return false;
        }
        try {
            long at = Long.parseLong(timestamp);
            if (Math.abs(nowSeconds - at) > toleranceSeconds) {
                return false;
            }
            byte[] expected = sign(secret, at, body).getBytes(StandardCharsets.UTF_8);
            boolean valid = false;
            for (String signature : signatures.split(",")) {
                // every entry compared, in constant time each, whichever matches
                valid |= MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
            }
            return valid;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
