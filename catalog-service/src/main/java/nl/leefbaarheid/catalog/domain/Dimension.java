package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The five Leefbaarometer dimensions, coded as in the open data. */
public enum Dimension implements Coded {
    @JsonProperty("won") WON("Woningvoorraad"),
    @JsonProperty("fys") FYS("Fysieke omgeving"),
    @JsonProperty("vrz") VRZ("Voorzieningen"),
    @JsonProperty("soc") SOC("Sociale samenhang"),
    @JsonProperty("onv") ONV("Overlast en onveiligheid");

    private final String label;

    Dimension(String label) {
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
