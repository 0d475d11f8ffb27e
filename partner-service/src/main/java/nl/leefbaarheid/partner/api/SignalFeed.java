package nl.leefbaarheid.partner.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignalFeed", description = "Signals of your collaborations after a cursor, oldest first; ask again with after=nextCursor for what is new.")
public record SignalFeed(
        List<Signal> items,
        @Schema(description = "The id of the last signal on this page (the cursor given when the page is empty).", example = "1843") long nextCursor) {

    @Schema(name = "Signal", description = "A signal to the partners of a collaboration, as its sharing scope allows.")
    public record Signal(
            @Schema(description = "Increasing; the cursor of the feed.", example = "1843") long id,
            @Schema(description = "status-changed, evaluation-completed, workshop-planned, workshop-closed or action-overdue.", example = "status-changed") String type,
            @Schema(example = "3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70") UUID collaborationId,
            @Schema(description = "The area it is about; absent for signals about a workshop as a whole.", example = "BU09990202") String areaCode,
            @Schema(example = "2026-10-02T09:14:04Z") Instant createdAt,
            @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "The signal as delivered to webhooks: type, collaborationId, occurredAt, areaCode and a link; for status-changed the public status changes (and the tenant experience when the scope shares surveys), for evaluation-completed the deployment, intervention, verdict and indicators; for workshop-planned and workshop-closed the workshop (title, date, participants, areas; when closed the number of pins and actions and the top three priorities); for action-overdue the action (description, owner, due date, status).",
                    example = "{\"type\": \"status-changed\", \"collaborationId\": \"3f1c9a52-7d0e-4b6a-9c11-2a5e8d4f6b70\", \"occurredAt\": \"2026-10-02T09:14:04Z\", \"areaCode\": \"BU09990202\", \"changes\": [\"signals\"], \"link\": \"/api/v1/areas/BU09990202/status\"}")
            JsonNode signal) {
    }
}
