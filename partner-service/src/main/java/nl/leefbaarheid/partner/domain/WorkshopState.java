package nl.leefbaarheid.partner.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import nl.leefbaarheid.platform.problem.ProblemException;

/**
 * Where a workshop is in its life: planned (date, participants and areas known), open (the session: participants pin
 * problems and vote) and closed (the priority list stands; its actions are followed up).
 */
public enum WorkshopState {
    @JsonProperty("planned") PLANNED,
    @JsonProperty("open") OPEN,
    @JsonProperty("closed") CLOSED;

    public String value() {
        return name().toLowerCase();
    }

    public static WorkshopState of(String value) {
        return valueOf(value.toUpperCase());
    }

    /** The state after {@code open}: only a planned workshop opens. */
    public WorkshopState open() {
        if (this != PLANNED) {
            throw ProblemException.conflict("Only a planned workshop can be opened; this one is " + value() + ".");
        }
        return OPEN;
    }

    /** The state after {@code close}: only an open workshop closes. */
    public WorkshopState close() {
        if (this != OPEN) {
            throw ProblemException.conflict("Only an open workshop can be closed; this one is " + value() + ".");
        }
        return CLOSED;
    }

    /** Pins and votes are made during the session only. */
    public void requireSession(String what) {
        if (this != OPEN) {
            throw ProblemException.conflict(what + " only while the workshop is open; this one is " + value() + ".");
        }
    }

    /** Actions are chosen in the session and may be added afterwards, not before the workshop was held. */
    public void requireHeld(String what) {
        if (this == PLANNED) {
            throw ProblemException.conflict(what + " once the workshop has been opened; this one is still planned.");
        }
    }
}
