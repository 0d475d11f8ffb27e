package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The life cycle of an intervention: draft, then published (revised any number of times), then retired. */
public enum InterventionStatus implements Coded {
    @JsonProperty("draft") DRAFT("Concept"),
    @JsonProperty("published") PUBLISHED("Gepubliceerd"),
    @JsonProperty("retired") RETIRED("Vervallen");

    private final String label;

    InterventionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return code();
    }
}
