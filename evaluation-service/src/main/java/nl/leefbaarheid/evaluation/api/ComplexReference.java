package nl.leefbaarheid.evaluation.api;

import java.time.LocalDate;
import nl.leefbaarheid.evaluation.domain.ComplexTenure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComplexReference", description = "A housing complex as this service knows it from neighbourhood-service's events.")
public record ComplexReference(
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "ZH-01") String complexId,
        @Schema(example = "BU09990201") String neighbourhoodCode,
        @Schema(description = "The day the corporation took the complex over from another; absent when it registered it itself.",
                example = "2026-07-01") LocalDate since,
        @Schema(description = "The day it ended (sold, demolished or transferred): measurements of periods from then on are refused.",
                example = "2027-01-01") LocalDate endedOn,
        @Schema(description = "sold, demolished or transferred; absent while it has not ended.", example = "transferred") String endReason,
        @Schema(description = "The corporation it was transferred to.", example = "corp-noord") String transferredTo) {

    public ComplexTenure tenure() {
        return new ComplexTenure(since, endedOn, endReason, transferredTo);
    }
}
