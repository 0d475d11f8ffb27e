package nl.leefbaarheid.neighbourhood;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.OutboxRelayContract;

@QuarkusTest
class OutboxRelayTest extends OutboxRelayContract {

    @Override
    protected String topic() {
        return "neighbourhood.status.v1";
    }
}
