package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.contractApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A wrong survey mark, as a corporation's survey export sends it with the wrong column: posted, seen in the neighbourhood's
 * status, corrected (the status follows, its reason names the correction), then withdrawn (the status returns to what it
 * was before the mark), with an audit entry of each step. Every call goes through the Prism contract proxies.
 */
class MeasurementCorrectionTest {

    static final Duration ASYNC = Duration.ofSeconds(60);

    static Town town;

    @BeforeAll
    static void platform() {
        Platform.start();
        Platform.startContractProxies();
        town = Town.create("Herstelstad");
    }

    @Test
    void aWrongSurveyMarkIsCorrectedThenWithdrawnAndTheStatusFollowsEachStep() {
        String area = town.neighbourhoods.get(0);
        String period = Town.quarter(LocalDate.now());
        contractApi("neighbourhood", town.admin).contentType("text/csv").body(town.leefbaarometerCsv())
                .post("/api/v1/observations/leefbaarometer").then().statusCode(200);
        // the tenants' mark of the quarter, as it stands before the wrong one
        measure(area, period, 7.2, 80, "Enquête thuisgevoel");
        JsonPath before = awaitStatus(area, "the good mark", s -> s.getInt("status.tenantExperience.respondents") == 80);

        // 1. the wrong mark: 3.1 from the wrong column of the export
        String wrong = measure(area, period, 3.1, 60, "Enquête thuisgevoel, export 2");
        JsonPath posted = awaitStatus(area, "the wrong mark", s -> s.getInt("status.tenantExperience.respondents") == 140);
        assertThat(posted.getDouble("status.tenantExperience.mean")).isCloseTo(5.4429, within(1e-6)); // (7.2 x 80 + 3.1 x 60) / 140
        assertThat(posted.getString("status.tenantExperience.colour")).isEqualTo("red");

        // 2. corrected, with the ETag read and a reason: the status follows, and says why
        String etag = contractApi("evaluation", town.corporationToken()).get("/api/v1/measurements/{id}", wrong).then().statusCode(200)
                .body("state", equalTo("recorded")).extract().header("ETag");
        contractApi("evaluation", town.corporationToken()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("value", 7.6, "reason", "De export gebruikte de verkeerde kolom."))
                .patch("/api/v1/measurements/{id}", wrong).then().statusCode(200).body("state", equalTo("corrected"))
                .body("value", equalTo(7.6f));
        JsonPath corrected = awaitStatus(area, "the corrected mark", s -> Math.abs(s.getDouble("status.tenantExperience.mean") - 7.3714) < 1e-6);
        assertThat(corrected.getString("status.tenantExperience.colour")).isEqualTo("green");
        assertThat(reasons(area)).contains("measurement " + wrong + " corrected");
        contractApi("neighbourhood", town.corporationToken()).queryParam("source", "measurement:" + wrong)
                .get("/api/v1/areas/{code}/observations", area).then().statusCode(200).body("items.value", contains(7.6f));

        // 3. withdrawn after all: the status is what it was before the mark
        contractApi("evaluation", town.corporationToken()).queryParam("reason", "De hele export was onbetrouwbaar.")
                .delete("/api/v1/measurements/{id}", wrong).then().statusCode(200).body("state", equalTo("withdrawn"));
        JsonPath withdrawn = awaitStatus(area, "the status without the mark", s -> s.getInt("status.tenantExperience.respondents") == 80);
        assertThat(withdrawn.getMap("status")).as("the status after the withdrawal").isEqualTo(before.getMap("status"));
        assertThat(reasons(area)).contains("measurement " + wrong + " withdrawn");
        contractApi("neighbourhood", town.corporationToken()).queryParam("source", "measurement:" + wrong)
                .get("/api/v1/areas/{code}/observations", area).then().statusCode(200).body("totalItems", equalTo(0));

        // the audit trail of each step: who (the token's subject and corporation), when, what and why
        JsonPath history = contractApi("evaluation", town.corporationToken()).get("/api/v1/measurements/{id}/history", wrong)
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action")).containsExactly("withdrawn", "corrected", "recorded");
        assertThat(history.getList("items.reason")).containsExactly("De hele export was onbetrouwbaar.",
                "De export gebruikte de verkeerde kolom.", null);
        assertThat(history.getList("items.actor.organisation")).containsOnly(town.corporation);
        assertThat(history.getList("items.actor.subject")).containsOnly("e2e-corporation");
        assertThat(history.getFloat("items[1].before.value")).isEqualTo(3.1f);
        assertThat(history.getFloat("items[1].after.value")).isEqualTo(7.6f);
        contractApi("evaluation", town.admin).queryParam("recordKind", "measurement").queryParam("recordId", wrong)
                .get("/api/v1/audit-entries").then().statusCode(200).body("totalItems", equalTo(3));
        // another corporation sees none of it
        contractApi("evaluation", Platform.corporationToken("corp-e2e-anders")).get("/api/v1/measurements/{id}/history", wrong)
                .then().statusCode(404);
    }

    /** Records a survey mark of the town's corporation; returns its id. */
    private static String measure(String area, String period, double value, int respondents, String source) {
        return contractApi("evaluation", town.corporationToken()).contentType(ContentType.JSON).body(Map.of("areaCode", area,
                "indicator", "tenant.feeling-at-home", "period", period, "value", value, "respondents", respondents,
                "instrument", "survey", "sourceSystem", source)).post("/api/v1/measurements").then().statusCode(201)
                .extract().path("measurementIds[0]");
    }

    private static JsonPath awaitStatus(String area, String what, Predicate<JsonPath> done) {
        return Eventually.await("the status of " + area + " after " + what, () -> contractApi("neighbourhood", town.corporationToken())
                .get("/api/v1/areas/{code}/status", area).then().statusCode(200).extract().jsonPath(), done, ASYNC);
    }

    private static List<String> reasons(String area) {
        return contractApi("neighbourhood", town.corporationToken()).queryParam("size", 100).get("/api/v1/areas/{code}/status/history", area)
                .then().statusCode(200).extract().jsonPath().getList("items.reason");
    }
}
