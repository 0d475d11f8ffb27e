package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an effect is measured. */
public enum Instrument implements Coded {
    @JsonProperty("survey") SURVEY("Enquête"),
    @JsonProperty("inspection") INSPECTION("Schouw"),
    @JsonProperty("counts") COUNTS("Tellingen"),
    @JsonProperty("leefbaarometer") LEEFBAAROMETER("Leefbaarometer");

    private final String label;

    Instrument(String label) {
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
