package nl.leefbaarheid.partner.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Arrays;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * The follow-up of a workshop action: open, in progress, done or dropped. Done and dropped are final; an action still
 * open or in progress after its due date is overdue.
 */
public enum ActionStatus {
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("in-progress") IN_PROGRESS("in-progress"),
    @JsonProperty("done") DONE("done"),
    @JsonProperty("dropped") DROPPED("dropped");

    /** The values as a regular expression, for request validation. */
    public static final String PATTERN = "open|in-progress|done|dropped";

    private final String value;

    ActionStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ActionStatus of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no action status " + value));
    }

    public boolean isFinal() {
        return this == DONE || this == DROPPED;
    }

    /** The status after a change to {@code next}; a final status does not change any more. */
    public ActionStatus to(ActionStatus next) {
        if (isFinal() && next != this) {
            throw ProblemException.conflict("The action is " + value + " already; a " + value + " action does not change status"
                    + " (add a new action instead).");
        }
        return next;
    }

    public boolean overdue(LocalDate dueOn, LocalDate today) {
        return !isFinal() && dueOn.isBefore(today);
    }
}
