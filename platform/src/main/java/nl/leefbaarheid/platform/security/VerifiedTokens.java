package nl.leefbaarheid.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once, not on every request. A caller sends the same token with every call until it expires, and
 * checking its RSA signature cost about a third of the CPU of a status read or a measurement POST.
 *
 * <p>A token is remembered only after the platform's verifier accepted it (signature, issuer, expiry), under the whole token
 * text: a token that differs in any character, its signature included, is verified anew. A remembered token is served only
 * until its {@code exp}; from then on every use goes to the verifier again, which refuses it once its allowed clock skew has
 * passed too. Tokens that fail verification are never remembered. At most {@link #MAX_TOKENS} are kept. The claims of a
 * remembered token are shared by the requests that carry it: they are only read, never changed.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_TOKENS = 2_000;

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxTokens;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** An accepted token and its {@code exp} (seconds since the epoch). */
    private record Verified(JsonWebToken token, long expiresAt) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser verifier) {
        this(verifier, Clock.systemUTC(), MAX_TOKENS);
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int maxTokens) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxTokens = maxTokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAt()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken accepted = verifier.parse(token);
        long expiresAt = accepted.getExpirationTime();
        if (now < expiresAt) {
            if (verified.size() >= maxTokens) {
                verified.values().removeIf(remembered -> now >= remembered.expiresAt());
                if (verified.size() >= maxTokens) {
                    verified.clear(); // all still valid: start afresh rather than track which was used least
                }
            }
            verified.put(token, new Verified(accepted, expiresAt));
        }
        return accepted;
    }

    // what follows verifies with other keys or settings than the platform's: never remembered

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    int size() {
        return verified.size();
    }
}
