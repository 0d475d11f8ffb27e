package nl.leefbaarheid.evaluation.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.evaluation.Registry;
import nl.leefbaarheid.evaluation.domain.Period;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A measurement neighbourhood-service would refuse later is refused here at once, with the field named and nothing
 * stored: an area not registered for the period's year, a complex the corporation does not have or that lies elsewhere,
 * an indicator outside the kapstok, a value off its scale, a period before 2000 or not yet started.
 */
@QuarkusTest
class MeasurementRefusalTest {

    static final String CORP = "corp-refuse";
    static final String AREA = "BU09510101";
    static final String OTHER_AREA = "BU09510103";
    /** Registered only for 2030: it does not count for this year's periods. */
    static final String LATER_AREA = "BU09510102";
    static boolean registered;

    @Inject
    EntityManager em;

    @BeforeEach
    void registry() {
        if (!registered) {
            Registry.neighbourhoods(2024, AREA, OTHER_AREA);
            Registry.neighbourhoods(2030, LATER_AREA);
            Registry.complex(CORP, "K-1", AREA);
            registered = true;
        }
    }

    static Map<String, Object> m(String area, String indicator, double value, String period) {
        Map<String, Object> row = new HashMap<>(Map.of("areaCode", area, "indicator", indicator, "value", value, "period", period,
                "respondents", 30, "instrument", "survey"));
        return row;
    }

    static Map<String, Object> valid() {
        return m(AREA, "tenant.feeling-at-home", 7.2, "2026-Q3");
    }

    static Map<String, Object> withComplex(String area, String complex) {
        Map<String, Object> row = m(area, "tenant.feeling-at-home", 7.0, "2026-Q2");
        row.put("complexId", complex);
        return row;
    }

    /** Each refused measurement, the field the answer names and its message. */
    static List<Object[]> refusals() {
        String nextMonth = YearMonth.from(LocalDate.now(Period.ZONE)).plusMonths(1).toString();
        return List.of(
                new Object[] { m("BU09980101", "tenant.feeling-at-home", 7.0, "2026-Q3"), "areaCode",
                        "BU09980101 is not a registered area for 2026: the area registry of GM0998 has no year up to 2026" },
                new Object[] { m(LATER_AREA, "tenant.feeling-at-home", 7.0, "2026-Q3"), "areaCode",
                        LATER_AREA + " is not a registered area for 2026 (the area registry of 2024 applies)" },
                new Object[] { withComplex(AREA, "K-9"), "complexId", "no complex K-9 of corporation " + CORP },
                new Object[] { withComplex(OTHER_AREA, "K-1"), "areaCode", "complex K-1 lies in " + AREA },
                new Object[] { m(AREA, "tenant.geluk", 7.0, "2026-Q3"), "indicator", "'tenant.geluk' is not an indicator of the kapstok" },
                new Object[] { m(AREA, "tenant.feeling-at-home", 11.0, "2026-Q3"), "value", "11.0 is outside the scale 1 to 10" },
                new Object[] { m(AREA, "tenant.feeling-at-home", 7.0, nextMonth), "period",
                        "has not started yet: it starts on " + nextMonth + "-01" },
                new Object[] { m(AREA, "tenant.feeling-at-home", 7.0, "1999-Q4"), "period", "must lie in 2000 or later" });
    }

    @Test
    void eachRefusedMeasurementNamesItsFieldAndStoresNothing() {
        long[] before = stored();
        for (Object[] refusal : refusals()) {
            given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(refusal[0])
                    .post("/api/v1/measurements").then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://leefbaarheid.nl/problems/validation-failed"))
                    .body("errors.field", contains(refusal[1])).body("errors.message", contains(refusal[2]));
        }
        assertThat(stored()).as("measurements and outbox events").containsExactly(before);
    }

    @Test
    void aBatchWithRefusedRowsNamesEveryOneAndStoresNothing() {
        long[] before = stored();
        List<Object> rows = new ArrayList<>(List.of(valid()));
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Object[] refusal : refusals()) {
            fields.add("measurements[" + rows.size() + "]." + refusal[1]);
            messages.add((String) refusal[2]);
            rows.add(refusal[0]);
        }
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(Map.of("measurements", rows))
                .post("/api/v1/measurements/batch").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("The batch has 8 errors; nothing was stored."))
                .body("errors.field", contains(fields.toArray())).body("errors.message", contains(messages.toArray()));
        assertThat(stored()).as("measurements and outbox events").containsExactly(before);
    }

    @Test
    void aMalformedFieldMakesItABadRequestEvenBesideRefusedOnes() {
        long[] before = stored();
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(m("BU9", "tenant.feeling-at-home", 7.0, "2026-Q3"),
                        m("BU09980101", "tenant.feeling-at-home", 7.0, "2026-Q3"))))
                .post("/api/v1/measurements/batch").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("measurements[0].areaCode", "measurements[1].areaCode"));
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void whatTheRegistryKnowsIsStored() {
        long[] before = stored();
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON)
                .body(Map.of("measurements", List.of(valid(), withComplex(AREA, "K-1"), m(OTHER_AREA, "lbm.soc", -0.2, "2026"))))
                .post("/api/v1/measurements/batch").then().statusCode(201).body("count", equalTo(3));
        assertThat(stored()).containsExactly(before[0] + 3, before[1] + 3);
    }

    @Test
    void anAreaIsReadAsMeasurementsAreCheckedAgainstIt() {
        given().auth().oauth2(Tokens.partner("org-refuse")).queryParam("year", 2026).get("/api/v1/reference/areas/{code}", AREA)
                .then().statusCode(200).body("code", equalTo(AREA)).body("year", equalTo(2024)).body("level", equalTo("neighbourhood"));
        given().auth().oauth2(Tokens.partner("org-refuse")).queryParam("year", 2026).get("/api/v1/reference/areas/{code}", LATER_AREA)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.partner("org-refuse")).get("/api/v1/reference/areas/{code}", LATER_AREA)
                .then().statusCode(200).body("year", equalTo(2030));
        given().auth().oauth2(Tokens.partner("org-refuse")).get("/api/v1/reference/areas/{code}", "BU09980101").then().statusCode(404);
    }

    @Test
    void aCorporationReadsItsOwnComplexOnly() {
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/reference/corporations/{c}/complexes/{id}", CORP, "K-1")
                .then().statusCode(200).body("neighbourhoodCode", equalTo(AREA));
        given().auth().oauth2(Tokens.corporation("corp-other")).get("/api/v1/reference/corporations/{c}/complexes/{id}", CORP, "K-1")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.partner("org-refuse")).get("/api/v1/reference/corporations/{c}/complexes/{id}", CORP, "K-1")
                .then().statusCode(403);
    }

    @Test
    void aComplexTransferredToAnotherCorporationTakesItsOldOwnersMeasurementsOnlyOfPeriodsBeforeTheTransfer() {
        Registry.complex(CORP, "K-3", AREA);
        Registry.send("complex:" + CORP + ":K-3", "nl.leefbaarheid.complex.changed.v1", """
                {"corporationId": "%s", "complexId": "K-3", "neighbourhoodCode": "%s", "name": "Complex K-3", "change": "transferred",
                 "endedOn": "2026-04-01", "endReason": "transferred", "transferredTo": "corp-refuse-new", "version": 1}"""
                .formatted(CORP, AREA));
        Registry.send("complex:corp-refuse-new:K-3", "nl.leefbaarheid.complex.registered.v1", """
                {"corporationId": "corp-refuse-new", "complexId": "K-3", "neighbourhoodCode": "%s", "name": "Complex K-3",
                 "since": "2026-04-01", "transferredFrom": "%s"}""".formatted(AREA, CORP));
        Registry.await(() -> Registry.reference().complex("corp-refuse-new", "K-3").isPresent()
                && Registry.reference().complex(CORP, "K-3").map(c -> c.endedOn() != null).orElse(false), "the transfer of K-3");
        long[] before = stored();
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(withComplex(AREA, "K-3"))
                .post("/api/v1/measurements").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("complexId")).body("errors.message", contains("complex K-3 ended on 2026-04-01"
                        + " (transferred to corp-refuse-new); figures of periods from then on no longer count for it"));
        Map<String, Object> firstQuarter = withComplex(AREA, "K-3");
        firstQuarter.put("period", "2026-Q1");
        given().auth().oauth2(Tokens.corporation("corp-refuse-new")).contentType(ContentType.JSON).body(firstQuarter)
                .post("/api/v1/measurements").then().statusCode(422).body("errors.field", contains("complexId"));
        assertThat(stored()).containsExactly(before);
        given().auth().oauth2(Tokens.corporation(CORP)).contentType(ContentType.JSON).body(firstQuarter)
                .post("/api/v1/measurements").then().statusCode(201);
        given().auth().oauth2(Tokens.corporation("corp-refuse-new")).contentType(ContentType.JSON).body(withComplex(AREA, "K-3"))
                .post("/api/v1/measurements").then().statusCode(201);
        given().auth().oauth2(Tokens.corporation(CORP)).get("/api/v1/reference/corporations/{c}/complexes/{id}", CORP, "K-3")
                .then().statusCode(200).body("endedOn", equalTo("2026-04-01")).body("transferredTo", equalTo("corp-refuse-new"));
    }

    /** Measurements and outbox events stored. */
    long[] stored() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {
                ((Number) em.createNativeQuery("select count(*) from measurement").getSingleResult()).longValue(),
                ((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue() });
    }
}
