package nl.leefbaarheid.partner.service;

import nl.leefbaarheid.platform.problem.ProblemException;
import nl.leefbaarheid.platform.web.ETags;

/** The If-Match rule of every correction: the version the caller read must be the record's version now. */
final class Versions {

    private Versions() {
    }

    /** 428 without If-Match, 412 when the record changed since the caller read it. */
    static void require(String ifMatch, long current, String kind) {
        long expected = ETags.requiredVersion(ifMatch, "Send the " + kind + "'s ETag in If-Match (read it first).");
        if (expected != current) {
            throw ProblemException.preconditionFailed("The " + kind + " changed since version " + expected + "; it is at version " + current
                    + ". Read it again and decide anew.");
        }
    }
}
