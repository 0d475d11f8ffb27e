package nl.leefbaarheid.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import nl.leefbaarheid.platform.config.PlatformConfig;
import nl.leefbaarheid.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body above the configured limit with problem details (413) before it is read.
 * The HTTP layer's own, larger limit ({@code quarkus.http.limits.max-body-size}) stays as a backstop.
 */
public class BodySizeLimit {

    @Inject
    PlatformConfig config;

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Content-Length", "is not a number");
        }
        long maxBodySize = config.maxBodySize().asLongValue();
        if (length > maxBodySize) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "The request body has " + length + " bytes; at most " + maxBodySize + " are accepted.",
                    List.of());
        }
    }
}
