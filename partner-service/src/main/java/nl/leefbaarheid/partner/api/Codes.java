package nl.leefbaarheid.partner.api;

/** The shapes of codes and names the API accepts, as regular expressions for request validation. */
public final class Codes {

    /** A CBS code of a municipality, district or neighbourhood. */
    public static final String AREA = "GM\\d{4}|WK\\d{4}[0-9A-Z]{2}|BU\\d{4}[0-9A-Z]{4}";
    public static final String NEIGHBOURHOOD = "BU\\d{4}[0-9A-Z]{4}";
    public static final String DIMENSION = "won|fys|vrz|soc|onv";
    /** The kinds of signal partners receive (in their feed and by webhook). */
    public static final String SIGNAL_TYPE = "status-changed|evaluation-completed|workshop-planned|workshop-closed|action-overdue";
    public static final String SIGNAL_TYPE_MESSAGE = "must be status-changed, evaluation-completed, workshop-planned, workshop-closed or action-overdue";

    private Codes() {
    }
}
