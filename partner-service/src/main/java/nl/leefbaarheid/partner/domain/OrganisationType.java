package nl.leefbaarheid.partner.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of organisation that work together on livability. */
public enum OrganisationType {
    @JsonProperty("municipality") MUNICIPALITY,
    @JsonProperty("police") POLICE,
    @JsonProperty("care") CARE,
    @JsonProperty("welfare") WELFARE,
    @JsonProperty("tenant-organisation") TENANT_ORGANISATION,
    @JsonProperty("corporation") CORPORATION,
    @JsonProperty("community-initiative") COMMUNITY_INITIATIVE,
    @JsonProperty("other") OTHER
}
