package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewProgress", description = "A progress update of an agreement.")
public record NewProgress(
        @NotNull @Schema(required = true, example = "2026-06-30") LocalDate reportedOn,
        @Digits(integer = 9, fraction = 4) @Schema(description = "The indicator's value now, if the agreement has one.", example = "6.6") BigDecimal value,
        @NotBlank @Size(max = 2000) @Schema(required = true, example = "Portiekgesprekken in vier portieken gehouden; tweede ronde na de zomer.") String note) {
}
