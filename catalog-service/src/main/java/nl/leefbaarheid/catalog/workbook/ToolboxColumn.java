package nl.leefbaarheid.catalog.workbook;

/**
 * The columns of a theme sheet of the toolbox workbook, in the order they are written. Import finds them by
 * header, so users may reorder them; every column that holds content must be there. Read-only columns are
 * written for the reader and ignored on import.
 */
public enum ToolboxColumn {
    CODE("Code", 30, "code"),
    SUBTOPIC("Subthema", 24, "subtopicCode"),
    TITLE("Titel", 36, "title"),
    SUMMARY("Samenvatting", 60, "summary"),
    GOAL("Doel", 50, "goal"),
    TARGET_GROUP("Doelgroep", 36, "targetGroup"),
    APPROACH("Aanpak", 60, "approach"),
    WORKING_ELEMENTS("Werkzame elementen", 44, "workingElements"),
    PRECONDITIONS("Randvoorwaarden", 44, "preconditions"),
    CARRIED_OUT_BY("Uitvoering door", 32, "carriedOutBy"),
    PARTNER_TYPES("Partners nodig", 26, "partnerTypes"),
    CORPORATION_ALONE("Corporatie kan het alleen", 14, "corporationAlone"),
    STRATEGY("Strategie", 18, "strategy"),
    DIMENSIONS("Dimensies", 28, "dimensions"),
    INDICATORS("Indicatoren", 34, "indicators"),
    COST_BAND("Kosten", 10, "costBand"),
    DURATION("Looptijd (maanden)", 12, "durationMonths"),
    EVIDENCE_LEVEL("Bewijskracht", 32, "evidenceLevel"),
    EVIDENCE_ASSESSED_ON("Beoordeeld op", 14, "evidenceAssessedOn"),
    EVIDENCE_VALID_UNTIL("Geldig tot", 14, null),
    EXAMPLES("Voorbeelden", 40, "examples"),
    INSTRUMENT("Meetinstrument", 16, "effectMeasurement.instrument"),
    MEASURED_INDICATORS("Meetindicatoren", 34, "effectMeasurement.indicators"),
    BASELINE("Nulmeting (maand)", 12, "effectMeasurement.baselineMonths"),
    INTERIM("Tussenmeting (maand)", 12, "effectMeasurement.interimMonths"),
    FINAL("Eindmeting (maand)", 12, "effectMeasurement.finalMonths"),
    DIRECTION("Verwachte richting", 14, "effectMeasurement.expectedDirection"),
    MINIMAL_CHANGE("Minimaal relevant verschil", 14, "effectMeasurement.minimalRelevantChange"),
    STATUS("Status", 14, "status"),
    REVISION("Revisie", 9, null);

    private final String header;
    private final int width;
    private final String field;

    ToolboxColumn(String header, int width, String field) {
        this.header = header;
        this.width = width;
        this.field = field;
    }

    public String header() {
        return header;
    }

    /** Width in characters. */
    public int width() {
        return width;
    }

    /** The field of the intervention this column holds, as validation names it; null when read-only. */
    public String field() {
        return field;
    }

    public boolean readOnly() {
        return field == null;
    }

    /** Whether a sheet without this column is refused. Status may be left out: new rows are then drafts. */
    public boolean requiredInLayout() {
        return !readOnly() && this != STATUS;
    }

    /** The column that holds a validation field path such as {@code effectMeasurement.indicators[0]}. */
    public static ToolboxColumn ofField(String path) {
        String plain = path.replaceAll("\\[\\d+]", "");
        ToolboxColumn best = null;
        for (ToolboxColumn column : values()) {
            if (column.field != null && (plain.equals(column.field) || plain.startsWith(column.field + "."))
                    && (best == null || column.field.length() > best.field.length())) {
                best = column;
            }
        }
        return best;
    }
}
