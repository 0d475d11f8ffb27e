package nl.leefbaarheid.platform.security;

/** The roles of the platform, carried in the token's {@code groups} claim. */
public final class Roles {

    /** Runs the platform; sees and changes everything. */
    public static final String ADMIN = "admin";
    /** A housing corporation; claim {@value Caller#CORPORATION_CLAIM} names it. */
    public static final String CORPORATION = "corporation";
    /** A partner organisation; claim {@value Caller#ORGANISATION_CLAIM} names it. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
