package nl.leefbaarheid.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the role and the tenant the bearer token names. */
@RequestScoped
public class Caller {

    public static final String CORPORATION_CLAIM = "corporation_id";
    public static final String ORGANISATION_CLAIM = "organisation_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The corporation of a caller in the corporation role. */
    public Optional<String> corporationId() {
        return identity.hasRole(Roles.CORPORATION) ? claim(CORPORATION_CLAIM) : Optional.empty();
    }

    /** The partner organisation of a caller in the partner role. */
    public Optional<String> organisationId() {
        return identity.hasRole(Roles.PARTNER) ? claim(ORGANISATION_CLAIM) : Optional.empty();
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
