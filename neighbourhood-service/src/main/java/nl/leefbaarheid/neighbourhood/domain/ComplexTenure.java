package nl.leefbaarheid.neighbourhood.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a housing complex counts for its corporation: from the day it took the complex over ({@code since}; null: since it
 * was registered) until the day it ended ({@code endedOn}: sold, demolished or transferred; null: not ended). An observation
 * counts for the complex when its period starts within that span; figures of periods before a transfer stay the previous
 * owner's. evaluation-service applies the same rule to the measurements it takes.
 */
public record ComplexTenure(LocalDate since, LocalDate endedOn, String endReason, String transferredTo) {

    /** Why a figure of a period starting on {@code periodStart} does not count for the complex; empty when it does. */
    public Optional<String> problem(String complexId, LocalDate periodStart) {
        if (endedOn != null && !periodStart.isBefore(endedOn)) {
            return Optional.of("complex " + complexId + " ended on " + endedOn + (transferredTo != null ? " (transferred to "
                    + transferredTo + ")" : endReason != null ? " (" + endReason + ")" : "") + "; figures of periods from then on no longer count for it");
        }
        if (since != null && periodStart.isBefore(since)) {
            return Optional.of("complex " + complexId + " was taken over on " + since
                    + "; figures of periods before then belong to its previous owner");
        }
        return Optional.empty();
    }
}
