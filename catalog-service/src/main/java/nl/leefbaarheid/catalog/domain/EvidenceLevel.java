package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * The recognition levels of Movisie and RIVM, weakest first. A rating lapses: "well described" after three
 * years, the others after five.
 */
public enum EvidenceLevel implements Coded {
    @JsonProperty("well-described") WELL_DESCRIBED("Goed beschreven", 3),
    @JsonProperty("well-founded") WELL_FOUNDED("Goed onderbouwd", 5),
    @JsonProperty("effective-first-indications") EFFECTIVE_FIRST_INDICATIONS("Effectief - eerste aanwijzingen", 5),
    @JsonProperty("effective-good-indications") EFFECTIVE_GOOD_INDICATIONS("Effectief - goede aanwijzingen", 5),
    @JsonProperty("effective-strong-indications") EFFECTIVE_STRONG_INDICATIONS("Effectief - sterke aanwijzingen", 5);

    private final String label;
    private final int validYears;

    EvidenceLevel(String label, int validYears) {
        this.label = label;
        this.validYears = validYears;
    }

    @Override
    public String label() {
        return label;
    }

    /** 1 for well described up to 5 for effective with strong indications. */
    public int rank() {
        return ordinal() + 1;
    }

    public LocalDate lapsesOn(LocalDate assessedOn) {
        return assessedOn.plusYears(validYears);
    }

    @Override
    public String toString() {
        return code();
    }
}
