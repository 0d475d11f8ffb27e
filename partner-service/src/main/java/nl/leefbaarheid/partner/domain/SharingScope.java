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
     * The signal of a status change as this scope shows it: the public parts always, tenant experience only
     * when surveys are shared. Null when nothing the partners may see changed.
     */
    public ObjectNode statusSignal(JsonNode event, String link) {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        for (JsonNode change : event.path("changes")) {
            if (surveys || !change.asText().startsWith("tenantExperience")) {
                changes.add(change.asText());
            }
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
        signal.set("previous", summary(event.path("previousStatus")));
        signal.set("current", summary(event.path("status")));
        signal.put("link", link);
        return signal;
    }

    private ObjectNode summary(JsonNode status) {
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
            if (surveys || !s.asText().startsWith("tenant-")) {
                signals.add(s.asText());
            }
        }
        if (surveys && status.path("tenantExperience").has("colour")) {
            summary.put("tenantColour", status.path("tenantExperience").path("colour").asText());
        }
        return summary;
    }

    private boolean sameVisibleSignals(JsonNode before, JsonNode after) {
        return visible(before).equals(visible(after));
    }

    private java.util.List<String> visible(JsonNode signals) {
        java.util.List<String> visible = new java.util.ArrayList<>();
        signals.forEach(s -> {
            if (surveys || !s.asText().startsWith("tenant-")) {
                visible.add(s.asText());
            }
        });
        return visible;
    }
}
