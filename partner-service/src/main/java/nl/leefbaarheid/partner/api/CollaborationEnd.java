package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CollaborationEnd", description = "Ends a collaboration: from the day after its end date it makes no signals.")
public record CollaborationEnd(
        @Schema(description = "The last day; today when left out.", example = "2026-12-31") LocalDate endDate,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "De wijkaanpak is afgerond.") String reason) {
}
