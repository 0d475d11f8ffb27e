package nl.leefbaarheid.partner.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPin", description = "A problem a participant pins on the map during the session: in a neighbourhood on the table (or one"
        + " of its complexes), which Leefbaarometer dimension, how severe.")
public record NewPin(
        @NotNull @Pattern(regexp = Codes.NEIGHBOURHOOD, message = "must be a neighbourhood code") @Schema(required = true, example = "BU09990202") String areaCode,
        @Size(max = 300) @Schema(example = "Pleintje achter de Rembrandtflat") String location,
        @Size(max = 64) @Schema(description = "The corporation's complex, when the problem is at one.", example = "SC-04") String complexId,
        @NotNull @Pattern(regexp = Codes.DIMENSION, message = "must be won, fys, vrz, soc or onv") @Schema(required = true,
                description = "Leefbaarometer dimension: won, fys, vrz, soc or onv.", example = "onv") String dimension,
        @NotNull @Min(1) @Max(5) @Schema(required = true, description = "1 (minor) to 5 (severe).", example = "4") Integer severity,
        @NotBlank @Size(max = 2000) @Schema(required = true, example = "Jongeren hangen 's avonds rond; bewoners voelen zich onveilig.") String description) {
}
