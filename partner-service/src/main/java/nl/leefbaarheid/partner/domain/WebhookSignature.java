package nl.leefbaarheid.partner.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook delivery: HMAC-SHA256 with the subscription's secret over {@code timestamp + "." + body}.
 * The receiver recomputes it and refuses a timestamp older than a few minutes, so a captured delivery cannot
 * be replayed later. Header value: {@code v1=<hex>}.
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
            return "v1=" + java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a signature is valid and its timestamp within the tolerance of now. */
    public static boolean verify(String secret, String timestamp, String body, String signature, long nowSeconds,
            long toleranceSeconds) {
        try {
            long at = Long.parseLong(timestamp);
            return Math.abs(nowSeconds - at) <= toleranceSeconds && java.security.MessageDigest.isEqual(
                    sign(secret, at, body).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
