package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementChange", description = "A correction of an agreement: only the fields given change.")
public record AgreementChange(
        @Size(min = 1, max = 300) @Schema(example = "Thuisgevoel in de Schildersbuurt naar een 7") String title,
        @Size(min = 1, max = 64) @Schema(example = "huurdersvereniging-demostad") String ownerId,
        @Size(max = 80) @Schema(example = "tenant.feeling-at-home") String indicator,
        @Pattern(regexp = Codes.AREA, message = "must be a CBS area code") @Schema(example = "BU09990202") String areaCode,
        @Schema(example = "7.0") BigDecimal targetValue,
        @Schema(example = "2027-06-30") LocalDate dueOn,
        @Size(max = 500) @Schema(description = "Why; kept in its history.", example = "Termijn verlengd in het bestuurlijk overleg.") String reason) {
}
