package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenantRollUpTest {

    static Map<String, Object> mark(String area, String indicator, String period, double value, int respondents) {
        return Map.of("areaCode", area, "indicator", indicator, "period", period, "value", value, "respondents", respondents,
                "corporationId", "corp-r");
    }

    @Test
    void aDistrictAndItsMunicipalityCountTheTenantFiguresOfTheirLatestPeriodOnly() {
        Areas.register("0906", 2024, Map.of("01", 600, "02", 400));
        // BU09060101 was surveyed in January and March; BU09060102 in January only, with a share of March as well
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(List.of(
                mark("BU09060101", "tenant.feeling-at-home", "2026-01", 4.0, 40),
                mark("BU09060102", "tenant.feeling-at-home", "2026-01", 2.0, 50),
                mark("BU09060101", "tenant.feeling-at-home", "2026-03", 8.0, 30),
                mark("BU09060101", "tenant.share-at-home", "2026-03", 0.7, 30),
                mark("BU09060102", "tenant.share-at-home", "2026-03", 0.9, 50)))
                .post("/api/v1/observations").then().statusCode(200);

        for (String parent : List.of("WK090601", "GM0906")) {
            // March only: the January marks of both neighbourhoods count no more; both March shares do (weighted by respondents)
            given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/{code}/status", parent).then().statusCode(200)
                    .body("status.tenantExperience.period", equalTo("2026-03"))
                    .body("status.tenantExperience.mean", equalTo(8.0f))
                    .body("status.tenantExperience.shareAtHome", equalTo(0.825f));
        }
        // the neighbourhood without a March mark keeps its own latest period
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/BU09060102/status").then().statusCode(200)
                .body("status.tenantExperience.period", equalTo("2026-01"))
                .body("status.tenantExperience.mean", equalTo(2.0f));
    }
}
