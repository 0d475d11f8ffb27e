package nl.leefbaarheid.catalog.domain;

/**
 * What each status allows. A draft is edited in place; a published intervention changes only by a new
 * revision, which is published at once; a retired one no longer changes.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Why the intervention cannot be changed in this status, or null when it can. */
    public static String refuseChange(InterventionStatus status) {
        return status == InterventionStatus.RETIRED ? "A retired intervention cannot be changed." : null;
    }

    public static String refusePublish(InterventionStatus status) {
        return switch (status) {
            case DRAFT -> null;
            case PUBLISHED -> "The intervention is already published; a change to it is published as a new revision.";
            case RETIRED -> "A retired intervention cannot be published again.";
        };
    }

    public static String refuseRetire(InterventionStatus status) {
        return status == InterventionStatus.RETIRED ? "The intervention is already retired." : null;
    }

    /** Whether a change to an intervention in this status makes a new revision (else the draft is edited). */
    public static boolean changeMakesRevision(InterventionStatus status) {
        return status == InterventionStatus.PUBLISHED;
    }
}
