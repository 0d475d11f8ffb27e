package nl.leefbaarheid.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body: every error of this service is answered with one. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, media type application/problem+json.")
public record Problem(
        @Schema(description = "Stable URI that identifies the kind of problem.", example = "https://leefbaarheid.nl/problems/validation-failed")
        String type,
        @Schema(description = "Short human summary of the kind of problem.", example = "Validation failed")
        String title,
        @Schema(description = "HTTP status code.", example = "400")
        int status,
        @Schema(description = "Human explanation of this occurrence.", example = "The request has 1 invalid field.")
        String detail,
        @Schema(description = "The request path this problem occurred on.", example = "/api/v1/things")
        String instance,
        @Schema(description = "For validation problems: one entry per invalid field.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://leefbaarheid.nl/problems/";

    /** One invalid field: a JSON pointer-like path (e.g. {@code rows[3].value}) and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "name") String field,
            @Schema(example = "must not be blank") String message) {
    }
}
