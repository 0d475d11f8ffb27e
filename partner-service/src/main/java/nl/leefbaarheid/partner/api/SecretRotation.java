package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SecretRotation", description = "A new shared secret for a webhook's signatures; the old one keeps signing too for the grace period.")
public record SecretRotation(
        @NotBlank @Size(min = 16, max = 200) @Schema(required = true, description = "The new secret (at least 16 characters), different from the current one.", example = "een-nieuw-lang-geheim-van-de-gemeente") String secret) {
}
