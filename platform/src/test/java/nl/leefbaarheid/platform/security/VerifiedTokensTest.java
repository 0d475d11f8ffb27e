package nl.leefbaarheid.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens, in front of the real verifier with a key pair of its own. */
class VerifiedTokensTest {

    static final String ISSUER = "leefbaarheid-test";
    static final KeyPair KEYS = keys();
    static final KeyPair OTHER_KEYS = keys();

    final DefaultJWTParser verifier = verifier();

    @Test
    void aTokenIsVerifiedOnceAndServedUntilItExpires() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), 10);
        String token = token(now() + 3600, KEYS);

        JsonWebToken first = tokens.parse(token);

        assertThat(tokens.parse(token)).isSameAs(first);
        assertThat(first.getClaim("corporation_id").toString()).contains("woonstad");
    }

    @Test
    void anyOtherTextIsVerifiedAnewAndRefused() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), 10);
        String token = token(now() + 3600, KEYS);
        tokens.parse(token);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String tamperedSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        String otherClaims = parts[0] + "." + token(now() + 3600, KEYS, "admin").split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> tokens.parse(tamperedSignature)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(otherClaims)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(token(now() + 3600, OTHER_KEYS))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("not.a.token")).isInstanceOf(ParseException.class);
        assertThat(tokens.size()).as("only the one valid token is remembered").isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsNotServedAfterItsExpiry() throws Exception {
        long expiry = now() + 2; // at least a second to sign and verify it before it expires
        String token = token(expiry, KEYS);
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), 10);
        tokens.parse(token);
        while (now() < expiry) {
            Thread.sleep(100);
        }

        assertThatThrownBy(() -> tokens.parse(token)).as("verified again, and refused").isInstanceOf(ParseException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsServedFromMemoryOnlyBeforeItsExpiryByTheGivenClock() throws Exception {
        long expiry = now() + 3600;
        String token = token(expiry, KEYS);
        Clock later = Clock.fixed(Instant.ofEpochSecond(expiry), ZoneOffset.UTC);
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), 10);
        VerifiedTokens atExpiry = new VerifiedTokens(verifier, later, 10);
        JsonWebToken first = tokens.parse(token);
        JsonWebToken firstAtExpiry = atExpiry.parse(token);

        assertThat(tokens.parse(token)).isSameAs(first);
        assertThat(atExpiry.parse(token)).as("not remembered at its expiry: verified each time").isNotSameAs(firstAtExpiry);
        assertThat(atExpiry.size()).isZero();
    }

    @Test
    void noMoreThanTheMaximumIsKept() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.systemUTC(), 3);
        for (int i = 0; i < 10; i++) {
            tokens.parse(token(now() + 3600 + i, KEYS));
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
    }

    static DefaultJWTParser verifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
        context.setClockSkew(0);
        return new DefaultJWTParser(context);
    }

    static String token(long expiresAt, KeyPair keys) {
        return token(expiresAt, keys, "corporation");
    }

    static String token(long expiresAt, KeyPair keys, String group) {
        return Jwt.issuer(ISSUER).subject("medewerker").groups(group).claim("corporation_id", "woonstad")
                .issuedAt(now() - 10).expiresAt(expiresAt).sign(keys.getPrivate());
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
