package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewWebhook", description = "A partner system that wants signals pushed to it.")
public record NewWebhook(
        @NotBlank @Size(max = 2000) @Schema(required = true, description = "HTTPS to a host that is, and resolves only to, public addresses (no loopback, private, link-local, metadata or other special-purpose address); no credentials. Plain HTTP only to the host:port pairs an operator allows (local runs).", example = "https://meldingen.gemeente-demostad.nl/leefbaarheid") String url,
        @NotBlank @Size(min = 16, max = 200) @Schema(required = true, description = "Shared secret for the HMAC-SHA256 signature (at least 16 characters).", example = "een-lang-geheim-van-de-gemeente") String secret,
        @NotEmpty @Schema(required = true, description = "Signal types wanted.", example = "[\"status-changed\", \"evaluation-completed\"]")
        List<@Pattern(regexp = Codes.SIGNAL_TYPE, message = Codes.SIGNAL_TYPE_MESSAGE) String> types,
        @Size(max = 64) @Schema(description = "Only for admins: the organisation the webhook is for.", example = "gemeente-demostad") String organisationId) {
}
