package nl.leefbaarheid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map page of neighbourhood-service (/map/) in a real headless Chromium (deploy/contracts/map-page-check.sh): signed
 * in with a pasted token, it draws the demo's Demostad with each neighbourhood in the legend colour of its livability
 * class, and a click on a neighbourhood shows the class of its status. The script prints the path of its screenshot
 * (deploy/e2e/target/map-page/map-page.png).
 */
class MapPageTest {

    @BeforeAll
    static void startPlatform() {
        Platform.start();
    }

    @Test
    void theMapPageDrawsDemostadInTheColoursOfItsClassesAndAClickShowsTheStatus() throws Exception {
        ProcessBuilder builder = Platform.child(List.of("deploy/contracts/map-page-check.sh", Platform.url("neighbourhood")));
        builder.environment().put("TOKEN", Platform.adminToken());
        Process process = builder.start();
        // the first run on a machine may install Debian's chromium and the npm tools
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("map-page-check.sh did not finish in 5 minutes");
        }
        assertThat(process.exitValue()).as("exit code of deploy/contracts/map-page-check.sh (its output is above)").isZero();
    }
}
