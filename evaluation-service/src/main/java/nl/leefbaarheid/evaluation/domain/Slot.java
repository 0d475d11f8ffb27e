package nl.leefbaarheid.evaluation.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a measurement sits in a deployment's plan; monitoring is any measurement outside the three. */
public enum Slot {
    @JsonProperty("baseline") BASELINE,
    @JsonProperty("interim") INTERIM,
    @JsonProperty("final") FINAL,
    @JsonProperty("monitoring") MONITORING;

    public String code() {
        return name().toLowerCase();
    }
}
