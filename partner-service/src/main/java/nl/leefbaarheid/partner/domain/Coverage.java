package nl.leefbaarheid.partner.domain;

/**
 * Whether a collaboration's area covers an area a signal is about: the same area or one inside it. CBS codes
 * nest: a district's digits start with its municipality's, a neighbourhood's with its district's.
 */
public final class Coverage {

    private Coverage() {
    }

    public static boolean covers(String collaborationArea, String area) {
        if (collaborationArea.equals(area)) {
            return true;
        }
        int rank = rank(collaborationArea);
        return rank >= 0 && rank(area) > rank && area.substring(2).startsWith(collaborationArea.substring(2));
    }

    /** The SQL LIKE patterns of the areas that may cover this one: itself, its district and its municipality. */
    public static java.util.List<String> coveringCodes(String area) {
        java.util.List<String> codes = new java.util.ArrayList<>(java.util.List.of(area));
        if (area.startsWith("BU") && area.length() == 10) {
            codes.add("WK" + area.substring(2, 8));
        }
        if ((area.startsWith("BU") || area.startsWith("WK")) && area.length() >= 6) {
            codes.add("GM" + area.substring(2, 6));
        }
        return codes;
    }

    private static int rank(String code) {
        return code.startsWith("GM") ? 0 : code.startsWith("WK") ? 1 : code.startsWith("BU") ? 2 : -1;
    }
}
