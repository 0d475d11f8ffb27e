package nl.leefbaarheid.partner.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agreement", description = "A performance agreement (prestatieafspraak) of a municipality and year, with the progress reported on it, oldest first.")
public record AgreementView(
        @Schema(example = "8a2d4c1e-5b7f-4e3a-9d60-1c2b3a4d5e6f") UUID id,
        @Schema(example = "GM0999") String municipalityCode,
        @Schema(example = "2026") int year,
        @Schema(example = "Minder overlast rond de Rembrandtflat") String title,
        @Schema(description = "The organisation responsible.", example = "gemeente-demostad") String ownerId,
        @Schema(description = "The indicator of the kapstok it is measured by, if any.", example = "tenant.feeling-at-home") String indicator,
        @Schema(example = "BU09990202") String areaCode,
        @Schema(example = "7.0") BigDecimal targetValue,
        @Schema(example = "2026-12-31") LocalDate dueOn,
        List<Progress> progress,
        @Schema(description = "The version, also given as ETag: send it back in If-Match to change the agreement.", example = "1") long version) {

    @Schema(name = "AgreementProgress", description = "Progress reported on an agreement.")
    public record Progress(
            @Schema(example = "3") long id,
            @Schema(example = "2026-06-30") LocalDate reportedOn,
            @Schema(example = "6.8") BigDecimal value,
            @Schema(example = "Extra avondsurveillance sinds mei.") String note,
            @Schema(description = "Who reported it (the token's subject).", example = "gemeente-demostad") String author,
            @Schema(description = "When it was last corrected, if it was.", example = "2026-07-02T08:00:00Z") java.time.Instant correctedAt,
            @Schema(description = "Why it was corrected.", example = "Het cijfer van het tweede kwartaal, niet het eerste.") String correctionReason) {
    }
}
