package nl.leefbaarheid.neighbourhood.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.leefbaarheid.neighbourhood.api.RegistryArea;
import nl.leefbaarheid.neighbourhood.domain.AreaLevel;
import nl.leefbaarheid.neighbourhood.domain.RegistryPlan;
import nl.leefbaarheid.neighbourhood.domain.RegistryRow;
import org.junit.jupiter.api.Test;

class RegistryJsonTest {

    @Test
    void areasBecomeRowsNamedByTheirIndexAndTheirProblemsAreNamedByField() {
        List<RegistryPlan.Error> errors = new ArrayList<>();
        List<RegistryRow> rows = RegistryJson.rows(Arrays.asList(
                new RegistryArea("GM0999", null, " Demostad ", 6200, 6500, null),
                new RegistryArea("WK099901", 2023, "Centrum", -1, null, null),
                new RegistryArea("XX", 2024, "Fout", null, null, null),
                null), 2024, errors);
        assertThat(errors).containsExactly(
                new RegistryPlan.Error("areas[1]", "year", "2023 is not the year of the import, 2024"),
                new RegistryPlan.Error("areas[1]", "households", "must not be negative"),
                new RegistryPlan.Error("areas[2]", "code", "must be a CBS code: GM + 4 digits, WK + 6 or BU + 8"),
                new RegistryPlan.Error("areas[3]", null, "must not be null"));
        // an area with a valid code stays, so that its children find their parent when the errors are checked
        assertThat(rows).containsExactly(new RegistryRow("areas[0]", "GM0999", AreaLevel.MUNICIPALITY, "Demostad", 6200, 6500, null),
                new RegistryRow("areas[1]", "WK099901", AreaLevel.DISTRICT, "Centrum", -1, null, null));
    }
}
