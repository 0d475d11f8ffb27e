package nl.leefbaarheid.neighbourhood.importing;

import java.util.ArrayList;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.RegistryArea;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.RegistryPlan;
import nl.leefbaarheid.neighbourhood.domain.RegistryRow;

/** The JSON form of a registry import: areas with a CBS code, the import's year if any, a name, households, homes and corporation homes. */
public final class RegistryJson {

    private RegistryJson() {
    }

    /**
     * The rows of the areas with a valid code (also those with other problems, so that their children find their parent
     * when the errors are checked); each problem goes into {@code errors}.
     */
    public static List<RegistryRow> rows(List<RegistryArea> areas, int year, List<RegistryPlan.Error> errors) {
        List<RegistryRow> rows = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            RegistryArea area = areas.get(i);
            String at = "areas[" + i + "]";
            if (area == null) {
                errors.add(new RegistryPlan.Error(at, null, "must not be null"));
                continue;
            }
            AreaLevel level = AreaLevel.ofCode(area.code()).orElse(null);
            if (level == null) {
                errors.add(new RegistryPlan.Error(at, "code", "must be a CBS code: GM + 4 digits, WK + 6 or BU + 8"));
            }
            if (area.year() != null && area.year() != year) {
                errors.add(new RegistryPlan.Error(at, "year", area.year() + " is not the year of the import, " + year));
            }
            if (area.households() != null && area.households() < 0) {
                errors.add(new RegistryPlan.Error(at, "households", "must not be negative"));
            }
            if (area.homes() != null && area.homes() < 0) {
                errors.add(new RegistryPlan.Error(at, "homes", "must not be negative"));
            }
            if (area.corporationHomes() != null && area.corporationHomes() < 0) {
                errors.add(new RegistryPlan.Error(at, "corporationHomes", "must not be negative"));
            }
            if (level != null) {
                rows.add(new RegistryRow(at, area.code(), level, area.name() == null ? null : area.name().strip(), area.households(),
                        area.homes(), area.corporationHomes()));
            }
        }
        return rows;
    }
}
