package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.geo.GridTown;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The livability and resilience maps: boundaries with the status each caller may see (tenant figures for their owner,
 * those it shares with and the admin), tagged by content so that callers who see different figures get different ETags,
 * and 304 when nothing changed. Also measures the size of a large municipality's map.
 */
@QuarkusTest
class MapTest {

    static final String AREA = "BU09820101";
    static final String OTHER = "BU09820102";

    static boolean ready;

    /** Once for the class (RestAssured knows the test port only from the first test on). */
    @BeforeEach
    void town() {
        if (ready) {
            return;
        }
        ready = true;
        Areas.register("0982", 2024, Map.of("01", 900, "02", 800));
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("""
                bu_code,jaar,lbm,afw,fys,onv,soc,vrz,won,kafw
                BU09820101,2024,3.95,-0.10,0,-0.1,0,0,0,3
                BU09820102,2024,4.20,0.15,0,0,0,0.15,0,8
                """).post("/api/v1/observations/leefbaarometer").then().statusCode(200);
        GridTown town = new GridTown(10);
        given().auth().oauth2(Tokens.admin()).contentType("application/geo+json")
                .body(GridTown.rdNew(List.of(GridTown.feature("buurtcode", AREA, town.cell(0, 0)), GridTown.feature("buurtcode", OTHER, town.cell(1, 0)))))
                .post("/api/v1/areas/boundaries?year=2024").then().statusCode(200);
        TenantConfidentialityTest.complex("corp-a82", "A1", AREA);
        given().auth().oauth2(Tokens.corporation("corp-a82")).contentType(ContentType.JSON)
                .body(List.of(AccessAndBatchTest.row(AREA, "A1", "tenant.feeling-at-home", "2026-Q2", 6.1, 40)))
                .post("/api/v1/observations").then().statusCode(200);
        given().auth().oauth2(Tokens.corporation("corp-a82")).put("/api/v1/corporations/corp-a82/shares/gemeente-0982").then().statusCode(204);
    }

    static Response livability(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/maps/livability?" + query);
    }

    @Test
    void tenantColoursAreOnTheMapOnlyForThoseWhoMaySeeThem() {
        for (String token : List.of(Tokens.admin(), Tokens.corporation("corp-a82"), Tokens.partner("gemeente-0982"))) {
            livability(token, "municipality=GM0982").then().statusCode(200)
                    .body("features.find { it.id == '" + AREA + "' }.properties.tenantColour", equalTo("red"))
                    .body("features.find { it.id == '" + AREA + "' }.properties.class", equalTo(3))
                    .body("features.find { it.id == '" + AREA + "' }.properties.label", equalTo("onvoldoende"))
                    .body("features.find { it.id == '" + AREA + "' }.geometry.type", equalTo("Polygon"));
        }
        for (String token : List.of(Tokens.corporation("corp-b82"), Tokens.partner("politie-0982"))) {
            livability(token, "municipality=GM0982").then().statusCode(200)
                    .body("features.find { it.id == '" + AREA + "' }.properties.tenantColour", org.hamcrest.Matchers.nullValue())
                    .body("features.find { it.id == '" + AREA + "' }.properties.restricted", equalTo(true))
                    .body("features.find { it.id == '" + AREA + "' }.properties.class", equalTo(3));
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/maps/resilience?municipality=GM0982").then().statusCode(200)
                .body("features.find { it.id == '" + OTHER + "' }.properties.class", equalTo(8))
                .body("features.find { it.id == '" + OTHER + "' }.properties.quadrant", equalTo("unknown"))
                .body("features.find { it.id == '" + OTHER + "' }.geometry.type", equalTo("Polygon"));
    }

    @Test
    void aWorkingAreaIsMappedForThoseWhoMayReadItsCorporation() {
        livability(Tokens.corporation("corp-a82"), "corporation=corp-a82").then().statusCode(200)
                .body("corporation", equalTo("corp-a82")).body("features.id", equalTo(List.of(AREA)));
        livability(Tokens.partner("gemeente-0982"), "corporation=corp-a82").then().statusCode(200);
        livability(Tokens.corporation("corp-b82"), "corporation=corp-a82").then().statusCode(404);
        given().auth().oauth2(Tokens.corporation("corp-b82")).get("/api/v1/maps/resilience?corporation=corp-a82").then().statusCode(404);
    }

    @Test
    void theETagFollowsWhatTheCallerSeesAndAnUnchangedMapIsNotSentAgain() {
        Response owner = livability(Tokens.corporation("corp-a82"), "municipality=GM0982");
        String tag = owner.header("ETag");
        assertThat(owner.header("Cache-Control")).contains("private").contains("no-cache");
        assertThat(owner.header("Vary")).isEqualTo("Authorization, Accept-Encoding");
        assertThat(owner.header("Content-Encoding")).as("RestAssured accepts gzip").isEqualTo("gzip");
        assertThat(livability(Tokens.corporation("corp-a82"), "municipality=GM0982").header("ETag")).isEqualTo(tag);
        given().auth().oauth2(Tokens.corporation("corp-a82")).header("If-None-Match", tag).get("/api/v1/maps/livability?municipality=GM0982")
                .then().statusCode(304).header("ETag", tag);
        // another corporation sees no tenant figures: another tag, and the owner's tag gets it the whole map
        assertThat(livability(Tokens.corporation("corp-b82"), "municipality=GM0982").header("ETag")).isNotEqualTo(tag);
        given().auth().oauth2(Tokens.corporation("corp-b82")).header("If-None-Match", tag).get("/api/v1/maps/livability?municipality=GM0982")
                .then().statusCode(200);
    }

    @Test
    void badQueriesAreRefused() {
        livability(Tokens.admin(), "municipality=GM0982&corporation=corp-a82").then().statusCode(400)
                .body("errors[0].message", containsString("either a municipality or a corporation"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/maps/livability").then().statusCode(400);
        livability(Tokens.admin(), "municipality=BU09820101").then().statusCode(400);
        livability(Tokens.admin(), "municipality=GM0989").then().statusCode(404);
        livability(Tokens.admin(), "corporation=" + "x".repeat(65)).then().statusCode(400);
    }

    /** The answer for a large municipality: 300 neighbourhoods whose boundaries have about 400 points each. */
    @Test
    void aLargeMunicipalitysMapStaysSmall() throws Exception {
        List<Map<String, Object>> registry = new ArrayList<>();
        registry.add(Map.of("code", "GM0983", "name", "Grootstad"));
        StringBuilder scores = new StringBuilder("bu_code,jaar,lbm,afw,fys,onv,soc,vrz,won\n");
        List<String> features = new ArrayList<>();
        GridTown town = new GridTown(100);
        for (int district = 1; district <= 15; district++) {
            registry.add(Map.of("code", "WK0983%02d".formatted(district), "name", "Wijk " + district));
            for (int n = 1; n <= 20; n++) {
                String code = "BU0983%02d%02d".formatted(district, n);
                registry.add(Map.of("code", code, "name", "Buurt " + district + "-" + n, "households", 700));
                double deviation = Math.sin(district * 20 + n) * 0.25;
                scores.append(code).append(",2024,").append(4.05 + deviation).append(',').append(deviation).append(",0,0,0,0,0\n");
                features.add(GridTown.feature("buurtcode", code, town.cell(n - 1, district - 1)));
            }
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(registry).post("/api/v1/areas/registry?year=2024")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(scores.toString()).post("/api/v1/observations/leefbaarometer")
                .then().statusCode(200);
        String file = GridTown.rdNew(features);
        long started = System.nanoTime();
        // a file above neighbourhood.imports.job-above is a job: followed until done, its answer the import's
        var accepted = given().auth().oauth2(Tokens.admin()).contentType("application/geo+json").body(file)
                .post("/api/v1/areas/boundaries?year=2024").then().statusCode(202).body("kind", equalTo("area-boundaries")).extract();
        var job = given().auth().oauth2(Tokens.admin()).get(accepted.header("Location")).then().statusCode(200).extract().jsonPath();
        for (int attempt = 0; attempt < 600 && !List.of("done", "failed").contains(job.getString("state")); attempt++) {
            Thread.sleep(100);
            job = given().auth().oauth2(Tokens.admin()).get(accepted.header("Location")).then().statusCode(200).extract().jsonPath();
        }
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("done");
        assertThat(job.getInt("progress.rowsRead")).isEqualTo(300);
        assertThat(job.getInt("progress.rowsStored")).isEqualTo(300);
        var imported = job.setRootPath("boundaryResult");
        assertThat(imported.getInt("neighbourhood.added")).isEqualTo(300);
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        byte[] livabilityMap = livability(Tokens.admin(), "municipality=GM0983").then().statusCode(200).extract().asByteArray();
        byte[] resilienceMap = given().auth().oauth2(Tokens.admin()).get("/api/v1/maps/resilience?municipality=GM0983").then().statusCode(200)
                .extract().asByteArray();
        System.out.printf("MAP SIZE: 300 neighbourhoods, file %d bytes (RD New, %d points) imported in %d ms; stored %d points, simplified %d;"
                + " livability map %d bytes (%d gzipped), resilience map %d bytes (%d gzipped)%n", file.length(), imported.getLong("points"),
                importMillis, imported.getLong("points"), imported.getLong("simplifiedPoints"), livabilityMap.length, gzipped(livabilityMap),
                resilienceMap.length, gzipped(resilienceMap));
        assertThat(livabilityMap.length).as("a whole municipality's map, simplified").isLessThan(file.length() / 3);
    }

    static int gzipped(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
