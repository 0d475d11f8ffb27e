package nl.leefbaarheid.neighbourhood.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Complex", description = "A housing complex of a corporation: it counts for the corporation from since (when it took it"
        + " over) until endedOn (when it sold, demolished or transferred it).")
public record ComplexView(
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "ZH-01") String code,
        @Schema(example = "Zonnehof") String name,
        @Schema(example = "BU09990101") String neighbourhoodCode,
        @Schema(example = "120") Integer homes,
        @Schema(example = "114") Integer households,
        @Schema(description = "Raised by every change; also its ETag, to send in If-Match.", example = "0") long version,
        @Schema(description = "The day the corporation took it over; absent when it registered it itself.", example = "2027-01-01") LocalDate since,
        @Schema(description = "The corporation it was taken over from.", example = "corp-zuid") String transferredFrom,
        @Schema(description = "The day it ended for the corporation; absent while it counts.", example = "2027-01-01") LocalDate endedOn,
        @Schema(description = "Why it ended.", enumeration = { "sold", "demolished", "transferred" }, example = "transferred") String endReason,
        @Schema(description = "The corporation it was transferred to.", example = "corp-noord") String transferredTo) {

    public static ComplexView of(HousingComplex c) {
        return new ComplexView(c.corporationId, c.code, c.name, c.neighbourhoodCode, c.homes, c.households, c.version, c.since,
                c.transferredFrom, c.endedOn, c.endReason, c.transferredTo);
    }
}
