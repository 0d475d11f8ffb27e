package nl.leefbaarheid.neighbourhood;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.DeadLettersContract;

@QuarkusTest
class DeadLettersTest extends DeadLettersContract {

    @Override
    protected String channel() {
        return "measurements";
    }
}
