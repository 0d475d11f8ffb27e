package nl.leefbaarheid.catalog;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.ApiConventionsContract;
import nl.leefbaarheid.platform.testing.Tokens;

/** The platform's API conventions, kept by /api/v1/themes. */
@QuarkusTest
class ApiConventionsTest extends ApiConventionsContract {

    @Override
    protected String collection() {
        return "/api/v1/themes";
    }

    @Override
    protected String valid() {
        return """
                {"code": "schoon-en-heel", "name": "Schoon en heel"}""";
    }

    @Override
    protected String invalid() {
        return """
                {"code": "Schoon en Heel", "name": "Schoon en heel"}""";
    }

    @Override
    protected String invalidField() {
        return "code";
    }

    @Override
    protected String unknownId() {
        return "no-such-theme";
    }

    @Override
    protected String writer() {
        return Tokens.corporation("corp-a");
    }

    @Override
    protected String wrongRole() {
        return Tokens.partner("org-a");
    }
}
