package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an intervention roughly costs, as a "what works" toolkit shows it. */
public enum CostBand implements Coded {
    @JsonProperty("low") LOW("Laag"),
    @JsonProperty("medium") MEDIUM("Midden"),
    @JsonProperty("high") HIGH("Hoog");

    private final String label;

    CostBand(String label) {
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
