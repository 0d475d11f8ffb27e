package nl.leefbaarheid.evaluation.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Where a measurement is in its life: as recorded, corrected (once or more), or withdrawn (it no longer counts). */
public enum MeasurementState {
    @JsonProperty("recorded") RECORDED,
    @JsonProperty("corrected") CORRECTED,
    @JsonProperty("withdrawn") WITHDRAWN;

    public static MeasurementState of(Instant correctedAt, Instant withdrawnAt) {
        return withdrawnAt != null ? WITHDRAWN : correctedAt != null ? CORRECTED : RECORDED;
    }

    public String code() {
        return name().toLowerCase();
    }
}
