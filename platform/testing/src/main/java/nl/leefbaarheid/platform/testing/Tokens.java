package nl.leefbaarheid.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;

/** Tokens for tests, signed with the development key that the test profile trusts. */
public final class Tokens {

    private static final String ISSUER = "leefbaarheid-local";

    private Tokens() {
    }

    public static String admin() {
        return Jwt.issuer(ISSUER).subject("admin").groups("admin").expiresIn(Duration.ofHours(1)).sign();
    }

    public static String corporation(String corporationId) {
        return Jwt.issuer(ISSUER).subject(corporationId + "-user").groups("corporation")
                .claim("corporation_id", corporationId).expiresIn(Duration.ofHours(1)).sign();
    }

    public static String partner(String organisationId) {
        return Jwt.issuer(ISSUER).subject(organisationId + "-user").groups("partner")
                .claim("organisation_id", organisationId).expiresIn(Duration.ofHours(1)).sign();
    }

    /** Well formed, but expired an hour ago. */
    public static String expired() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject("admin").groups("admin").issuedAt(now - 7200).expiresAt(now - 3600).sign();
    }
}
