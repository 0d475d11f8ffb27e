package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The demo's area registry (deploy/local/demo/registry-demostad.csv, what deploy/local/demo/neighbourhood.sh imports for
 * every year) gives Demostad the areas, households, homes and corporation homes the demo had when it registered them one
 * by one. Imported here under another municipality's code (GM0967), since other tests register GM0999.
 */
@QuarkusTest
class DemoRegistryTest {

    static final Path FILE = Path.of("../deploy/local/demo/registry-demostad.csv");

    @Inject
    EntityManager em;

    /** Code, households, homes and corporation homes of every area, as neighbourhood.sh registered them before. */
    static final List<String> AREAS = List.of("GM0999 41200 43800 15300", "WK099901 9800 10400 3100", "WK099902 12600 13300 7900",
            "WK099903 18800 20100 4300", "BU09990101 3100 3350 900", "BU09990102 6700 7050 2200", "BU09990201 4200 4400 3300",
            "BU09990202 5100 5400 3900", "BU0999020A 3300 3500 700", "BU09990301 8900 9500 1800", "BU09990302 9900 10600 2500");

    @Test
    void theDemoRegistryFileRegistersDemostadAsItWasRegisteredBefore() throws IOException {
        String file = Files.readString(FILE).replace("0999", "0967");
        for (int year : new int[] { 2012, 2018, 2022, 2024 }) {
            given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("year", year).body(file)
                    .post("/api/v1/areas/registry").then().statusCode(200).body("countryRowsSkipped", contains(2))
                    .body("levels.municipality.new", equalTo(1)).body("levels.district.new", equalTo(3))
                    .body("levels.neighbourhood.new", equalTo(7));
        }
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select code || ' ' || households || ' ' || homes || ' ' || corporation_homes from area
                 where code like '__0967%' and year = 2024 order by length(code), code""").getResultList()).stream()
                .map(Object::toString).toList();
        assertThat(stored).containsExactlyElementsOf(AREAS.stream().map(a -> a.replace("0999", "0967")).toList());
        given().auth().oauth2(Tokens.admin()).queryParam("year", 2012).get("/api/v1/areas/BU09670201").then().statusCode(200)
                .body("name", equalTo("Bloemenbuurt")).body("parentCode", equalTo("WK096702")).body("corporationShare", equalTo(0.75f));
        // the same file again changes nothing
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("year", 2024).body(file)
                .post("/api/v1/areas/registry").then().statusCode(200).body("levels.neighbourhood.unchanged", equalTo(7));
    }
}
