package nl.leefbaarheid.neighbourhood.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewArea", description = "A CBS area to register for a year; its level follows from the code.")
public record NewArea(
        @NotNull @Pattern(regexp = AreaLevel.CODE_PATTERN, message = "must be a CBS code: GM + 4 digits, WK + 6 or BU + 8 (capitals allowed after the municipality digits)")
        @Schema(example = "BU09990101", required = true) String code,
        @NotNull @Min(2000) @Max(2100) @Schema(example = "2024", required = true) Integer year,
        @NotBlank @Size(max = 200) @Schema(example = "Centrum-Noord", required = true) String name,
        @Pattern(regexp = AreaLevel.CODE_PATTERN, message = "must be a CBS code") @Schema(example = "WK099901", description = "Required for districts and neighbourhoods.") String parentCode,
        @PositiveOrZero @Schema(example = "1240") Integer households,
        @PositiveOrZero @Schema(example = "1310") Integer homes,
        @PositiveOrZero @Schema(example = "930") Integer corporationHomes) {
}
