package nl.leefbaarheid.catalog.domain;

/** The formats of codes the catalogue accepts. */
public final class Patterns {

    /** Lower-case words joined by hyphens: theme, subtopic and intervention codes. */
    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final String SLUG_MESSAGE = "must be lower-case words joined by hyphens";
    /** An indicator code of the kapstok, such as {@code lbm.soc} or {@code tenant.feeling-at-home}. */
    public static final String INDICATOR = "[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+";
    public static final String INDICATOR_MESSAGE = "must be an indicator code such as lbm.soc or tenant.feeling-at-home";

    private Patterns() {
    }
}
