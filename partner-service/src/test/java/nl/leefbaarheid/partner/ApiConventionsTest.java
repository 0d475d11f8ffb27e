package nl.leefbaarheid.partner;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.ApiConventionsContract;
import nl.leefbaarheid.platform.testing.Tokens;

/** The platform's API conventions, kept by /api/v1/organisations. */
@QuarkusTest
class ApiConventionsTest extends ApiConventionsContract {

    @Override
    protected String collection() {
        return "/api/v1/organisations";
    }

    @Override
    protected String valid() {
        return """
                {"id": "politie-demo", "name": "Politie Demostad", "type": "police", "municipalityCode": "GM0999"}""";
    }

    @Override
    protected String invalid() {
        return """
                {"id": "politie-demo", "name": "Politie Demostad", "type": "sheriff", "municipalityCode": "GM0999"}""";
    }

    @Override
    protected String invalidField() {
        return "type";
    }

    @Override
    protected String unknownId() {
        return "no-such-organisation";
    }

    @Override
    protected String writer() {
        return Tokens.admin();
    }

    @Override
    protected String wrongRole() {
        return Tokens.corporation("corp-a");
    }
}
