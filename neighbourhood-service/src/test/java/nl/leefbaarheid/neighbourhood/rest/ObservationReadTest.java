package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An area's observations read back, scoped as its status: public figures for everyone, a corporation's restricted figures
 * (its tenant survey, its complex's figures) for it, those it shares them with and the admin only.
 */
@QuarkusTest
class ObservationReadTest {

    static final String AREA = "BU09750101";
    static final String CORP_A = "corp-0975a";
    static final String CORP_B = "corp-0975b";
    static final String SHARED_WITH = "gemeente-0975";
    static boolean loaded;

    @BeforeEach
    void figures() {
        if (loaded) {
            return;
        }
        Areas.register("0975", 2024, Map.of("01", 500, "02", 400));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv")
                .body("bu_code;jaar;lbm;afw;fys;onv;soc;vrz;won\n" + AREA + ";2024;4,12;0,07;0,01;-0,02;0,03;0,04;0,01\n")
                .post("/api/v1/observations/leefbaarometer").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP_A)).contentType(ContentType.JSON)
                .body(Map.of("code", "A-1", "name", "Lindehof", "neighbourhoodCode", AREA, "households", 80))
                .post("/api/v1/corporations/{c}/complexes", CORP_A).then().statusCode(201);
        given().auth().oauth2(Tokens.corporation(CORP_A)).put("/api/v1/corporations/{c}/shares/{o}", CORP_A, SHARED_WITH)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 204));
        given().auth().oauth2(Tokens.corporation(CORP_A)).contentType(ContentType.JSON).body(List.of(
                Map.of("areaCode", AREA, "indicator", "tenant.feeling-at-home", "period", "2026-Q2", "value", 6.37, "respondents", 40,
                        "source", "kwh-a"),
                Map.of("areaCode", AREA, "complexId", "A-1", "indicator", "lbm.onv", "period", "2025", "value", -0.31, "source", "eigen-a")))
                .post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation(CORP_B)).contentType(ContentType.JSON).body(List.of(
                Map.of("areaCode", AREA, "indicator", "tenant.feeling-at-home", "period", "2026-Q2", "value", 8.42, "respondents", 30,
                        "source", "kwh-b"))).post("/api/v1/observations").then().statusCode(200);
        loaded = true;
    }

    static io.restassured.response.ValidatableResponse read(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).queryParam("size", 100).get("/api/v1/areas/{code}/observations", AREA)
                .then().statusCode(200);
    }

    @Test
    void eachCallerSeesThePublicFiguresAndTheRestrictedOnesItMay() {
        read(Tokens.admin(), Map.of()).body("totalItems", equalTo(10)).body("items.source", org.hamcrest.Matchers.hasItems("kwh-a", "kwh-b", "eigen-a"));
        for (String token : List.of(Tokens.corporation(CORP_A), Tokens.partner(SHARED_WITH))) {
            read(token, Map.of("source", "kwh-a")).body("items.value", contains(6.37f)).body("items.corporationId", contains(CORP_A));
            read(token, Map.of()).body("totalItems", equalTo(9)).body("items.source", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("kwh-b")));
            read(token, Map.of("source", "eigen-a")).body("items.complexId", contains("A-1")).body("items.corporationId", contains(CORP_A));
        }
        read(Tokens.corporation(CORP_B), Map.of("indicator", "tenant.feeling-at-home")).body("items.value", contains(8.42f));
        read(Tokens.partner("gemeente-elders"), Map.of()).body("totalItems", equalTo(7))
                .body("items.source", org.hamcrest.Matchers.everyItem(equalTo("leefbaarometer")));
    }

    @Test
    void theListIsFilteredLatestPeriodFirstAndPaged() {
        read(Tokens.admin(), Map.of("period", "2024", "source", "leefbaarometer")).body("totalItems", equalTo(7))
                .body("items.indicator", containsInAnyOrder("lbm.afw", "lbm.fys", "lbm.lbm", "lbm.onv", "lbm.soc", "lbm.vrz", "lbm.won"));
        read(Tokens.admin(), Map.of("indicator", "lbm.onv")).body("items.period", contains("2025", "2024"))
                .body("items.value", contains(-0.31f, -0.02f));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 2).queryParam("page", 1).get("/api/v1/areas/{code}/observations", AREA)
                .then().statusCode(200).body("items.size()", equalTo(2)).body("totalPages", equalTo(5));
    }

    @Test
    void badFiltersAndUnknownAreasAreProblems() {
        for (String[] bad : new String[][] { { "period", "2026-Q5" }, { "indicator", "'; drop table observation; --" },
                { "source", "x".repeat(121) }, { "size", "0" } }) {
            given().auth().oauth2(Tokens.admin()).queryParam(bad[0], bad[1]).get("/api/v1/areas/{code}/observations", AREA).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/{code}/observations", "BU09750199").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/{code}/observations", "<script>").then().statusCode(400);
        given().get("/api/v1/areas/{code}/observations", AREA).then().statusCode(401);
    }
}
