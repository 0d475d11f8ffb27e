package nl.leefbaarheid.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import nl.leefbaarheid.platform.testing.ApiConventionsContract;
import nl.leefbaarheid.platform.testing.Tokens;

/** The platform's API conventions, kept by /api/v1/deployments. */
@QuarkusTest
class ApiConventionsTest extends ApiConventionsContract {

    @Override
    protected String collection() {
        return "/api/v1/deployments";
    }

    @Override
    protected String valid() {
        return """
                {"interventionId": "moestuin", "interventionRevision": 1, "areaCode": "BU09990101", "owner": "Wijkbeheer", "startDate": "2026-01-01", "plannedEndDate": "2026-12-31"}""";
    }

    @Override
    protected String invalid() {
        return """
                {"interventionId": "moestuin", "interventionRevision": 1, "areaCode": "9990101", "owner": "Wijkbeheer", "startDate": "2026-01-01", "plannedEndDate": "2026-12-31"}""";
    }

    @Override
    protected String invalidField() {
        return "areaCode";
    }

    @Override
    protected String unknownId() {
        return "00000000-0000-0000-0000-000000000000";
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
