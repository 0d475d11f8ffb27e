package nl.leefbaarheid.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details. Callers never see a stack trace, and bad input is
 * never answered with a 5xx.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying while the database is unreachable. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.kind(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> stream(v.getPropertyPath()).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        return respond(400, "validation-failed", "Validation failed",
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".", uri, errors);
    }

    /** Listed by subtype too: the mapper closest in type wins, and Jackson's own would answer plain JSON. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return respond(400, "validation-failed", "Validation failed", "The request has 1 invalid field.", uri,
                    List.of(new Problem.FieldError(pathOf(f), "must be one of: " + allowed)));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String expected = m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName();
            return respond(400, "validation-failed", "Validation failed", "The request has 1 invalid field.", uri,
                    List.of(new Problem.FieldError(pathOf(m), "has the wrong type; expected " + expected)));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where + ".", uri,
                List.of());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required.", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role does not allow this operation.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof ProblemException p) {
            return problem(p, uri); // e.g. a parameter converter that refused a value
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a path or query parameter it cannot convert (size=abc) with 404; it is bad input
            return respond(400, "invalid-parameter", "Invalid parameter", "A path or query parameter has a value of the"
                    + " wrong type (" + e.getCause().getMessage() + ").", uri, List.of());
        }
        Response.StatusType info = original.getStatusInfo();
        String kind = info.getReasonPhrase().toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath() + ".";
            case 405 -> "This resource does not support that method.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 415 -> "This resource does not accept that content type.";
            default -> e.getMessage();
        };
        Response.ResponseBuilder answer = Response.fromResponse(respond(status, kind, info.getReasonPhrase(), detail, uri,
                List.of()));
        copyHeader(original, answer, HttpHeaders.ALLOW);
        copyHeader(original, answer, HttpHeaders.RETRY_AFTER);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Problem problem = problemOf(e, uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    /**
     * The problem details of a failure that is not bad input as such: the {@link ProblemException} it carries, a conflict,
     * the database away (503), or else an unexpected failure (500, logged with the reference it names). Also for work
     * that answers after its request, such as an import job that failed.
     */
    public static Problem problemOf(Throwable e, String instance) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException p) {
                return new Problem(Problem.TYPE_BASE + p.kind(), p.title(), p.status(), p.getMessage(), instance, p.errors());
            }
            if (cause instanceof OptimisticLockException) {
                return new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409,
                        "The resource was changed by someone else; read it again and retry.", instance, List.of());
            }
            if (cause instanceof SQLTransientConnectionException || isConnectionFailure(cause)) {
                LOG.warnf("Database unavailable: %s", cause.getMessage());
                return new Problem(Problem.TYPE_BASE + "service-unavailable", "Service unavailable", 503,
                        "The database is temporarily unavailable; nothing was changed. Retry later.", instance, List.of());
            }
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409, "A resource with the same identity already exists.",
                        instance, List.of());
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (reference %s)", instance, reference);
        return new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "An unexpected error occurred; quote reference " + reference + " when reporting it.", instance, List.of());
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08xxx: connection exceptions; 57P01..57P03: the server is shutting down or starting up.
            return state.startsWith("08") || state.startsWith("57P");
        }
        return cause.getClass().getName().endsWith("JDBCConnectionException");
    }

    static Response respond(int status, String kind, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + kind, title, status, detail, uri == null ? null : "/" + uri.getPath()
                .replaceFirst("^/", ""), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        Object value = from.getHeaders().getFirst(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The field of a violation as the caller named it: body properties without the method and parameter. */
    /** The field a violation is about, as problem details name it: {@code effectMeasurement.indicators[0]}. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> named = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR).toList();
        if (named.size() > 1 && named.get(0).getKind() == ElementKind.PARAMETER) {
            named = named.subList(1, named.size());
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : named) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            // a container element (<list element>) adds only its index
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    private static java.util.stream.Stream<Path.Node> stream(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        return nodes.stream();
    }
}
