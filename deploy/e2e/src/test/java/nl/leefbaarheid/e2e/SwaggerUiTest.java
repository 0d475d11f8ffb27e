package nl.leefbaarheid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service's Swagger UI in a real headless Chromium (deploy/contracts/swagger-ui-check.sh): the page loads,
 * lists every operation of the service's /q/openapi, and "Try it out" on a read operation after "Authorize"
 * with a bearer token shows 200. The script prints a line per service and leaves screenshots in .local/swagger-ui/.
 */
class SwaggerUiTest {

    @BeforeAll
    static void startPlatform() {
        Platform.start();
    }

    @Test
    void everyServicesSwaggerUiListsItsOperationsAndTriesOneOut() throws Exception {
        ProcessBuilder builder = Platform.child(List.of("deploy/contracts/swagger-ui-check.sh"));
        for (String service : Platform.PORTS.keySet()) {
            builder.environment().put(service.toUpperCase() + "_URL", Platform.url(service));
        }
        builder.environment().put("TOKEN", Platform.adminToken());
        Process process = builder.start();
        // the first run on a machine may install Debian's chromium and the npm tools
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("swagger-ui-check.sh did not finish in 5 minutes");
        }
        assertThat(process.exitValue()).as("exit code of deploy/contracts/swagger-ui-check.sh (its output is above)").isZero();
    }
}
