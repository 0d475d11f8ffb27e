package nl.leefbaarheid.evaluation.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a deployment is in its life: planned, running, completed, or stopped (with a reason). */
public enum DeploymentStatus {
    @JsonProperty("planned") PLANNED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("stopped") STOPPED
}
