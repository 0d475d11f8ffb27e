package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookChange", description = "The signal types a webhook wants from now on (its URL is not changed: subscribe anew and delete the old one).")
public record WebhookChange(
        @NotEmpty @Schema(required = true, description = "Signal types wanted.", example = "[\"status-changed\"]")
        List<@Pattern(regexp = Codes.SIGNAL_TYPE, message = Codes.SIGNAL_TYPE_MESSAGE) String> types) {
}
