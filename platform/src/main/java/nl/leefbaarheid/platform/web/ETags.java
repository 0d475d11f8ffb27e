package nl.leefbaarheid.platform.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version; an update may send it back in
 * {@code If-Match} and is refused with 412 when the resource changed in between. A read assembled from many rows (a map)
 * is tagged by its content instead ({@link #conditional}).
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

    /**
     * A read tagged by a digest of its content, answered 304 when {@code If-None-Match} names that tag. The content is what
     * this caller may see, so the tag differs between callers who see different figures (and it may go out compressed:
     * hence {@code Vary: Authorization, Accept-Encoding}); {@code private, no-cache} keeps
     * shared caches out and has private ones ask again (cheaply, with the tag) each time, since statuses change by events.
     */
    public static Response conditional(Request request, byte[] body, MediaType type) {
        EntityTag tag = new EntityTag(digest(body));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, type);
        return answer.tag(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.ACCEPT_ENCODING).build();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
