package nl.leefbaarheid.neighbourhood;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.ApiConventionsContract;
import nl.leefbaarheid.platform.testing.Tokens;

/** The platform's API conventions, kept by /api/v1/areas. */
@QuarkusTest
class ApiConventionsTest extends ApiConventionsContract {

    @Override
    protected String collection() {
        return "/api/v1/areas";
    }

    @Override
    protected String valid() {
        return """
                {"code": "GM0999", "year": 2024, "name": "Demostad"}""";
    }

    @Override
    protected String invalid() {
        return """
                {"code": "GM999", "year": 2024, "name": "Demostad"}""";
    }

    @Override
    protected String invalidField() {
        return "code";
    }

    @Override
    protected String unknownId() {
        return "BU99999999";
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
