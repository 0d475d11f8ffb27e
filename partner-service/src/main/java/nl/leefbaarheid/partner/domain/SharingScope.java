package nl.leefbaarheid.partner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a collaboration's partners may see of a corporation's non-public figures: complex-level figures,
 * tenant surveys, evaluation results. Public figures (Leefbaarometer, resilience) are always shared.
 */
public record SharingScope(boolean complexes, boolean surveys, boolean evaluations) {

    /**
     * The signal of a status change as this scope shows it to the partners of a collaboration of {@code corporation}:
     * the public parts always (the event's statuses are public), and the tenant experience of that corporation alone
     * when it shares surveys, never another corporation's. Null when nothing the partners may see changed.
     */
    public ObjectNode statusSignal(JsonNode event, String corporation, String link) {
        JsonNode experience = event.path("tenantExperiences").path(corporation);
        JsonNode previousExperience = event.path("previousTenantExperiences").path(corporation);
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (JsonNode change : event.path("changes")) {
            if (!change.asText().startsWith("tenantExperience")) {
                changes.add(change.asText());
            }
        }
        if (surveys && !experience.equals(previousExperience)) {
            changes.add("tenantExperience");
        }
        boolean onlySignals = changes.size() == 1 && changes.get(0).asText().equals("signals")
                && sameVisibleSignals(event.path("previousStatus").path("signals"), event.path("status").path("signals"));
        if (changes.isEmpty() || onlySignals) {
            return null;
        }
        ObjectNode signal = JsonNodeFactory.instance.objectNode();
        signal.put("areaCode", event.path("areaCode").asText());
        signal.put("areaLevel", event.path("areaLevel").asText());
        signal.put("version", event.path("version").asInt());
        signal.set("changes", changes);
        signal.put("reason", event.path("reason").asText());
        signal.set("previous", summary(event.path("previousStatus"), previousExperience));
        signal.set("current", summary(event.path("status"), experience));
        signal.put("link", link);
        return signal;
    }

    private ObjectNode summary(JsonNode status, JsonNode experience) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        if (status.isMissingNode() || status.isNull()) {
            return summary;
        }
        JsonNode deviation = status.path("livability").path("deviation");
        if (!deviation.isMissingNode()) {
            summary.put("class", deviation.path("class").asInt());
            summary.put("label", deviation.path("label").asText());
            summary.put("deviation", deviation.path("score").asDouble());
        }
        if (status.path("resilience").has("quadrant")) {
            summary.put("quadrant", status.path("resilience").path("quadrant").asText());
        }
        if (status.has("priority")) {
            summary.put("priority", status.path("priority").asDouble());
        }
        ArrayNode signals = summary.putArray("signals");
        for (JsonNode s : status.path("signals")) {
            if (!s.asText().startsWith("tenant-")) {
                signals.add(s.asText());
            }
        }
        if (surveys && experience.has("colour")) {
            String colour = experience.path("colour").asText();
            summary.put("tenantColour", colour);
            if (!colour.equals("green")) {
                signals.add("tenant-" + colour);
            }
        }
        return summary;
    }

    private boolean sameVisibleSignals(JsonNode before, JsonNode after) {
        return visible(before).equals(visible(after));
    }

    private java.util.List<String> visible(JsonNode signals) {
        java.util.List<String> visible = new java.util.ArrayList<>();
        signals.forEach(s -> {
            if (!s.asText().startsWith("tenant-")) {
                visible.add(s.asText());
            }
        });
        return visible;
    }
}
