package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.geo.GridTown;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import of the CBS boundaries of a year, on the real database: RD New and WGS84, all or nothing, idempotent. */
@QuarkusTest
class BoundaryImportTest {

    static final GridTown TOWN = new GridTown(10);
    static final String ONE = "BU09810101";
    static final String TWO = "BU09810102";

    /** The municipality (two cells), its district and two neighbourhoods of 2024, in RD New. */
    static final String RD_FILE = GridTown.rdNew(List.of(
            GridTown.feature("gemeentecode", "GM0981", twoCells()),
            GridTown.feature("wijkcode", "WK098101", twoCells()),
            "{\"type\":\"Feature\",\"properties\":{\"buurtcode\":\"" + ONE + "\",\"wijkcode\":\"WK098101\",\"gemeentecode\":\"GM0981\"},\"geometry\":"
                    + TOWN.cell(0, 0) + "}",
            GridTown.feature("buurtcode", TWO, TOWN.cell(1, 0))));

    /** The two cells as one polygon: a rectangle around both. */
    static String twoCells() {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[119900,479400],[121100,479400],[121100,480100],[119900,480100],[119900,479400]]]}";
    }

    static boolean ready;

    /** Once for the class (RestAssured knows the test port only from the first test on). */
    @BeforeEach
    void areas() {
        if (ready) {
            return;
        }
        ready = true;
        Areas.register("0981", 2024, Map.of("01", 500, "02", 600));
    }

    static io.restassured.response.ValidatableResponse post(String file) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/geo+json").body(file)
                .post("/api/v1/areas/boundaries?year=2024").then();
    }

    static JsonPath map() {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/maps/livability?municipality=GM0981").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anRdNewFileIsReprojectedStoredOnceAndTheSameFileAgainChangesNothing() {
        post(RD_FILE).statusCode(200).body("crs", equalTo("EPSG:28992")).body("features", equalTo(4));
        // the same again: every boundary unchanged
        JsonPath again = post(RD_FILE).statusCode(200).extract().jsonPath();
        assertThat(List.of(again.getInt("municipality.unchanged"), again.getInt("district.unchanged"), again.getInt("neighbourhood.unchanged")))
                .containsExactly(1, 1, 2);
        assertThat(again.getInt("neighbourhood.added") + again.getInt("neighbourhood.changed")).isZero();

        JsonPath map = map();
        assertThat(map.getList("features.id")).containsExactly(ONE, TWO);
        assertThat(map.getString("features[0].geometry.type")).isEqualTo("Polygon");
        // RD 120000, 480000 lies near 52.30 N, 4.87 E
        List<Float> bbox = map.getList("bbox", Float.class);
        assertThat(bbox.get(0)).isBetween(4.86f, 4.89f);
        assertThat(bbox.get(1)).isBetween(52.29f, 52.31f);
        assertThat(map.getInt("features[0].properties.boundaryYear")).isEqualTo(2024);
    }

    @Test
    void aWgs84FileWithoutCrsIsRecognisedByItsCoordinates() {
        post(RD_FILE).statusCode(200);
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[4.851,52.301],[4.858,52.301],[4.858,52.305],[4.851,52.305],[4.851,52.301]]]}";
        post("{\"type\":\"FeatureCollection\",\"features\":[" + GridTown.feature("statcode", ONE, square) + "]}")
                .statusCode(200).body("crs", equalTo("EPSG:4326")).body("neighbourhood.changed", equalTo(1))
                .body("neighbourhood.unchanged", equalTo(0));
        assertThat(map().getString("features[0].geometry")).contains("4.851").contains("52.305");
        post(RD_FILE).statusCode(200).body("neighbourhood.changed", equalTo(1)).body("neighbourhood.unchanged", equalTo(1));
    }

    @Test
    void badFeaturesAreNamedAndNothingIsStored() {
        post(RD_FILE).statusCode(200);
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[120000,479500],[120400,480000],[120400,479500],[120000,480000],[120000,479500]]]}";
        String changed = TOWN.cell(1, 1);
        String file = GridTown.rdNew(List.of(
                GridTown.feature("buurtcode", TWO, changed), // valid, and a change: must not be stored
                GridTown.feature("buurtcode", ONE, bowtie),
                GridTown.feature("buurtcode", "BU09819999", TOWN.cell(2, 0)),
                "{\"type\":\"Feature\",\"properties\":{\"buurtnaam\":\"Zonder code\"},\"geometry\":" + TOWN.cell(3, 0) + "}"));
        post(file).statusCode(422).body("type", org.hamcrest.Matchers.endsWith("validation-failed"))
                .body("errors.field", hasItems("features[1]", "features[2]", "features[3]"))
                .body("errors.find { it.field == 'features[1]' }.message", org.hamcrest.Matchers.startsWith(ONE + ": invalid geometry: Self-intersection"))
                .body("errors.find { it.field == 'features[2]' }.message", equalTo("BU09819999: unknown code: BU09819999 is not a registered area for 2024"))
                .body("errors.find { it.field == 'features[3]' }.message", org.hamcrest.Matchers.startsWith("missing code"));
        // nothing of it stored: the file of before is still what is stored
        post(RD_FILE).statusCode(200).body("neighbourhood.unchanged", equalTo(2)).body("neighbourhood.changed", equalTo(0));
    }

    @Test
    void aBodyThatIsNoFeatureCollectionOrAYearWithoutAreasIsRefused() {
        post("{\"type\":\"Feature\",\"features\":[]}").statusCode(400).body("errors[0].message", org.hamcrest.Matchers.startsWith("type must be FeatureCollection"));
        post("{\"type\":\"FeatureCollection\"}").statusCode(400);
        post("{\"features\":[]}").statusCode(400).body("errors[0].message", equalTo("type FeatureCollection is missing"));
        post("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[]}").statusCode(400);
        post("{\"type\":\"FeatureCollection\",\"features\":[").statusCode(400);
        // a body large enough to be a job, or sent as one, is still refused at once when it is no FeatureCollection
        post("{\"name\": \"" + "x".repeat(100_000) + "\"}").statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType("application/geo+json").header("Prefer", "respond-async").body("[1, 2]")
                .post("/api/v1/areas/boundaries?year=2024").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType("application/geo+json").body(RD_FILE).post("/api/v1/areas/boundaries?year=2099")
                .then().statusCode(422);
        given().auth().oauth2(Tokens.admin()).contentType("application/geo+json").body(RD_FILE).post("/api/v1/areas/boundaries")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.corporation("corp-a81")).contentType("application/geo+json").body(RD_FILE)
                .post("/api/v1/areas/boundaries?year=2024").then().statusCode(403);
    }
}
