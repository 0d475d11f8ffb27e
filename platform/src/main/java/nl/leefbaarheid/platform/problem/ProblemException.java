package nl.leefbaarheid.platform.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A failure the caller can act on, raised by the domain and service layers and answered as problem
 * details. The {@code kind} is the last segment of the stable problem type URI.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Status.NOT_FOUND.getStatusCode(), "not-found", "Not found",
                "No " + what + " with id '" + id + "'.", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Status.CONFLICT.getStatusCode(), "conflict", "Conflict", detail, List.of());
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Status.BAD_REQUEST.getStatusCode(), "validation-failed", "Validation failed",
                detail, errors);
    }

    /**
     * Well-formed input the service cannot take, for reasons of the data it refers to (an unknown area, a value off its
     * indicator's scale): 422, with the fields named as for {@link #invalid}.
     */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "validation-failed", "Validation failed", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid("The request has 1 invalid field.", List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Status.FORBIDDEN.getStatusCode(), "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Status.PRECONDITION_FAILED.getStatusCode(), "precondition-failed",
                "Precondition failed", detail, List.of());
    }

    /** 428: the request must be conditional (send the ETag read before in {@code If-Match}). */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
