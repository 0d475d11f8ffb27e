package nl.leefbaarheid.neighbourhood.api;

import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.entity.Area;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Area", description = "A CBS area (municipality, district or neighbourhood) in one year.")
public record AreaView(
        @Schema(example = "BU09990101") String code,
        @Schema(example = "2024") int year,
        AreaLevel level,
        @Schema(example = "Centrum-Noord") String name,
        @Schema(example = "WK099901") String parentCode,
        @Schema(example = "1240") Integer households,
        @Schema(example = "1310") Integer homes,
        @Schema(description = "Share of the homes owned by housing corporations, 0..1; above 2/3 makes a corporation neighbourhood.", example = "0.71")
        Double corporationShare) {

    public static AreaView of(Area area) {
        Double share = area.homes == null || area.homes == 0 || area.corporationHomes == null ? null
                : Math.round(10000.0 * area.corporationHomes / area.homes) / 10000.0;
        return new AreaView(area.code, area.year, area.level, area.name, area.parentCode, area.households, area.homes, share);
    }
}
