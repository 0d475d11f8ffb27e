package nl.leefbaarheid.platform.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version; an update may send it back in
 * {@code If-Match} and is refused with 412 when the resource changed in between.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the resource and its version as ETag. */
    public static Response tagged(Object entity, long version) {
        return Response.ok(entity).tag(of(version)).build();
    }

    /**
     * The version an {@code If-Match} header asks for, where an update must name one: 428 with this hint when the header
     * is absent.
     */
    public static Long requiredVersion(String ifMatch, String hint) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(hint);
        }
        return expectedVersion(ifMatch);
    }

    /** The version an {@code If-Match} header asks for, or null when the header is absent or {@code *}. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match must be an ETag this service gave out, such as \"3\".");
        }
    }
}
