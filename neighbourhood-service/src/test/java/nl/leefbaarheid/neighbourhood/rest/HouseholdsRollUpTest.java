package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The statuses of districts and municipalities are weighted by the households of their neighbourhoods: a registry import
 * or a change of one area that changes households recalculates them before it answers.
 */
@QuarkusTest
class HouseholdsRollUpTest {

    static final String REGISTRY = """
            WijkenEnBuurten;SoortRegio_2;Codering_3;HuishoudensTotaal_29;Woningvoorraad_35
            Weegstad;Gemeente;GM0966;1000;1100
            Centrum;Wijk;WK096601;%d;450
            Noord;Buurt;BU09660101;%d;110
            Zuid;Buurt;BU09660102;%d;110
            """;

    static ValidatableResponse registry(int year, int district, int north, int south) {
        return given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("year", year)
                .body(REGISTRY.formatted(district, north, south)).post("/api/v1/areas/registry").then().log().ifValidationFails()
                .statusCode(200);
    }

    static ValidatableResponse status(String code) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/" + code + "/status").then().statusCode(200);
    }

    static ValidatableResponse latestHistory(String code) {
        return given().auth().oauth2(Tokens.admin()).queryParam("size", 1).get("/api/v1/areas/" + code + "/status/history").then()
                .statusCode(200);
    }

    @Test
    void aRegistryImportOrAChangeOfHouseholdsRecalculatesTheStatusesTheyWeighIn() {
        registry(2024, 200, 100, 100);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("""
                bu_code;jaar;afw;won;fys;vrz;soc;onv
                BU09660101;2024;0,10;0,02;0,02;0,02;0,02;0,02
                BU09660102;2024;-0,10;-0,02;-0,02;-0,02;-0,02;-0,02
                """).post("/api/v1/observations/leefbaarometer").then().statusCode(200);
        // equal households: the district and the municipality are in the middle
        status("WK096601").body("status.livability.deviation.score", equalTo(0.0f));
        int version = status("WK096601").extract().path("version");

        // the CBS table of the year again, Noord with three times the households: 0.10 weighs three times -0.10
        registry(2024, 400, 300, 100).body("levels.neighbourhood.updated", equalTo(1)).body("levels.district.updated", equalTo(1));
        status("WK096601").body("status.livability.deviation.score", equalTo(0.05f)).body("version", equalTo(version + 1));
        status("GM0966").body("status.livability.deviation.score", equalTo(0.05f));
        latestHistory("WK096601").body("items[0].reason", equalTo("Area registry of 2024: households changed"));

        // one area changed with its ETag: Zuid as many households as Noord, the district in the middle again
        String etag = given().auth().oauth2(Tokens.admin()).queryParam("year", 2024).get("/api/v1/areas/BU09660102").then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).queryParam("year", 2024)
                .body(Map.of("households", 300)).patch("/api/v1/areas/BU09660102").then().statusCode(200);
        status("WK096601").body("status.livability.deviation.score", equalTo(0.0f)).body("version", equalTo(version + 2));
        latestHistory("GM0966").body("items[0].reason", equalTo("Households of BU09660102 in 2024 changed"));

        // an earlier year's registry weighs nothing: the latest year's households count
        registry(2022, 400, 100, 900).body("levels.neighbourhood.new", equalTo(2));
        status("WK096601").body("status.livability.deviation.score", equalTo(0.0f)).body("version", equalTo(version + 2));
        // homes alone weigh nothing either
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("year", 2024)
                .body(List.of(Map.of("code", "GM0966", "name", "Weegstad", "households", 1000, "homes", 1200)))
                .post("/api/v1/areas/registry").then().statusCode(200).body("levels.municipality.updated", equalTo(1));
        latestHistory("GM0966").body("items[0].reason", equalTo("Households of BU09660102 in 2024 changed"));
    }
}
