package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgressCorrection", description = "A correction of a progress report: its value or note, with the reason.")
public record ProgressCorrection(
        @Schema(example = "6.4") BigDecimal value,
        @Size(min = 1, max = 2000) @Schema(example = "Portiekgesprekken in vier portieken.") String note,
        @NotBlank @Size(max = 500) @Schema(required = true, example = "Het cijfer van het tweede kwartaal, niet het eerste.") String reason) {
}
