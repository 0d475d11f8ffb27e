package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which way the measured indicator should move when the intervention works. */
public enum Direction implements Coded {
    @JsonProperty("increase") INCREASE("Stijgen"),
    @JsonProperty("decrease") DECREASE("Dalen");

    private final String label;

    Direction(String label) {
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
