package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAgreement", description = "A performance agreement (prestatieafspraak) of a municipality's year.")
public record NewAgreement(
        @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code such as GM0999") @Schema(required = true, example = "GM0999") String municipalityCode,
        @NotNull @Min(2000) @Max(2100) @Schema(required = true, example = "2026") Integer year,
        @NotBlank @Size(max = 300) @Schema(required = true, example = "Thuisgevoel in de Schildersbuurt naar 7,0") String title,
        @NotBlank @Size(max = 64) @Schema(required = true, description = "The partner organisation that owns it.", example = "huurdersvereniging-demostad") String ownerId,
        @Size(max = 80) @Pattern(regexp = "[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+", message = "must be an indicator code") @Schema(example = "tenant.feeling-at-home") String indicator,
        @Pattern(regexp = Codes.AREA, message = "must be a CBS area code") @Schema(example = "BU09990202") String areaCode,
        @Digits(integer = 9, fraction = 4) @Schema(example = "7.0") BigDecimal targetValue,
        @NotNull @Schema(required = true, example = "2026-12-31") LocalDate dueOn) {
}
