package nl.leefbaarheid.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of partner an intervention may need (the organisation types of partner-service). */
public enum PartnerType implements Coded {
    @JsonProperty("municipality") MUNICIPALITY("Gemeente"),
    @JsonProperty("police") POLICE("Politie"),
    @JsonProperty("care") CARE("Zorg"),
    @JsonProperty("welfare") WELFARE("Welzijn"),
    @JsonProperty("tenant-organisation") TENANT_ORGANISATION("Huurdersorganisatie"),
    @JsonProperty("corporation") CORPORATION("Corporatie"),
    @JsonProperty("community-initiative") COMMUNITY_INITIATIVE("Bewonersinitiatief"),
    @JsonProperty("other") OTHER("Overig");

    private final String label;

    PartnerType(String label) {
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
