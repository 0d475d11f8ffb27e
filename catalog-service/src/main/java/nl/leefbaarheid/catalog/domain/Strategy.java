package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The four sector-wide strategies for livability. */
public enum Strategy implements Coded {
    @JsonProperty("living-environment") LIVING_ENVIRONMENT("Woonomgeving"),
    @JsonProperty("social-approach") SOCIAL_APPROACH("Sociale aanpak"),
    @JsonProperty("housing-use") HOUSING_USE("Woninggebruik"),
    @JsonProperty("housing-programme") HOUSING_PROGRAMME("Woningprogramma");

    private final String label;

    Strategy(String label) {
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
