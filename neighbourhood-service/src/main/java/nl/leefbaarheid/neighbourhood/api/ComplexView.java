package nl.leefbaarheid.neighbourhood.api;

import nl.leefbaarheid.neighbourhood.entity.HousingComplex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Complex", description = "A housing complex of a corporation.")
public record ComplexView(
        @Schema(example = "corp-demo") String corporationId,
        @Schema(example = "ZH-01") String code,
        @Schema(example = "Zonnehof") String name,
        @Schema(example = "BU09990101") String neighbourhoodCode,
        @Schema(example = "120") Integer homes,
        @Schema(example = "114") Integer households) {

    public static ComplexView of(HousingComplex c) {
        return new ComplexView(c.corporationId, c.code, c.name, c.neighbourhoodCode, c.homes, c.households);
    }
}
