package nl.leefbaarheid.neighbourhood;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import nl.leefbaarheid.platform.testing.Tokens;

/** Registers areas for tests through the API: a municipality, one district and its neighbourhoods. */
public final class Areas {

    private Areas() {
    }

    /** GM{digits}, WK{digits}01 and the neighbourhoods BU{digits}01{suffix} with their households. */
    public static void register(String digits, int year, Map<String, Integer> neighbourhoods) {
        post(Map.of("code", "GM" + digits, "year", year, "name", "Gemeente " + digits));
        post(Map.of("code", "WK" + digits + "01", "year", year, "name", "Wijk " + digits + "01", "parentCode", "GM" + digits));
        neighbourhoods.forEach((suffix, households) -> {
            Map<String, Object> area = new HashMap<>(Map.of("code", "BU" + digits + "01" + suffix, "year", year,
                    "name", "Buurt " + suffix, "parentCode", "WK" + digits + "01", "households", households));
            post(area);
        });
    }

    private static void post(Map<String, Object> area) {
        int status = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(area).post("/api/v1/areas")
                .then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not register " + area + ": " + status);
        }
    }
}
