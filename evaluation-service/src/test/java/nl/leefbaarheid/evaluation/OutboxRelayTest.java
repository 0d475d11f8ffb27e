package nl.leefbaarheid.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.OutboxRelayContract;

@QuarkusTest
class OutboxRelayTest extends OutboxRelayContract {

    @Override
    protected String topic() {
        return "evaluation.measurements.v1";
    }
}
