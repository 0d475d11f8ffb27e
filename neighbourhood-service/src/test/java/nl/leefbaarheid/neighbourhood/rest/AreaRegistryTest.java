package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.leefbaarheid.neighbourhood.Areas;
import nl.leefbaarheid.neighbourhood.domain.Period;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The registry on neighbourhood.areas.v1, and the rules a producer of measurements checks against it: the area must be
 * registered for the registry year that applies to the period (RegistryYear), and the period must have started.
 */
@QuarkusTest
class AreaRegistryTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void registeringAnAreaOrAComplexPublishesItOnTheAreasTopic() throws Exception {
        try (TopicProbe topic = TopicProbe.atEnd("neighbourhood.areas.v1")) {
            Areas.register("0913", 2024, Map.of("01", 500));
            given().auth().oauth2(Tokens.corporation("corp-0913")).contentType(ContentType.JSON)
                    .body(Map.of("code", "K-1", "name", "Kade", "neighbourhoodCode", "BU09130101", "homes", 40))
                    .post("/api/v1/corporations/corp-0913/complexes").then().statusCode(201);

            List<ConsumerRecord<String, String>> events = topic.await(r -> r.key().contains("0913"), 4, Duration.ofSeconds(20));
            assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("area:GM0913:2024", "area:WK091301:2024",
                    "area:BU09130101:2024", "complex:corp-0913:K-1");
            ConsumerRecord<String, String> area = events.stream().filter(r -> r.key().equals("area:BU09130101:2024")).findFirst().orElseThrow();
            assertThat(TopicProbe.header(area, "ce_type")).isEqualTo("nl.leefbaarheid.area.registered.v1");
            assertThat(TopicProbe.header(area, "ce_subject")).isEqualTo("area:BU09130101:2024");
            JsonNode data = json.readTree(area.value());
            assertThat(data.path("code").asText()).isEqualTo("BU09130101");
            assertThat(data.path("year").asInt()).isEqualTo(2024);
            assertThat(data.path("level").asText()).isEqualTo("neighbourhood");
            assertThat(data.path("parentCode").asText()).isEqualTo("WK091301");
            assertThat(data.path("households").asInt()).isEqualTo(500);
            ConsumerRecord<String, String> complex = events.stream().filter(r -> r.key().startsWith("complex:")).findFirst().orElseThrow();
            assertThat(TopicProbe.header(complex, "ce_type")).isEqualTo("nl.leefbaarheid.complex.registered.v1");
            JsonNode complexData = json.readTree(complex.value());
            assertThat(complexData.path("corporationId").asText()).isEqualTo("corp-0913");
            assertThat(complexData.path("complexId").asText()).isEqualTo("K-1");
            assertThat(complexData.path("neighbourhoodCode").asText()).isEqualTo("BU09130101");
            assertThat(complexData.path("homes").asInt()).isEqualTo(40);
        }
    }

    @Test
    void theKapstokIsInTheOutboxFromTheMigration() {
        long indicators = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where topic = 'neighbourhood.areas.v1' and event_type = 'nl.leefbaarheid.indicator.defined.v1'"
                        + " and event_key = 'indicator:' || (cast(payload as json) ->> 'code')").getSingleResult()).longValue());
        long kapstok = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from indicator")
                .getSingleResult()).longValue());
        assertThat(indicators).isEqualTo(kapstok).isPositive();
    }

    /**
     * Municipality 0912: BU09120101 registered for 2005 and 2008, BU09120102 only for 2005 (gone in 2008), BU09120103 only
     * for 2030. The registry of 2024 (the other tests' areas) applies to 2024 and later periods, not to 2005-2023.
     */
    @Test
    void observationsAreRefusedForAnAreaNotRegisteredInTheApplicableYearOrAPeriodNotStarted() {
        Areas.register("0912", 2024, Map.of());
        Areas.register("0912", 2005, Map.of("01", 100, "02", 100));
        Areas.register("0912", 2008, Map.of("01", 100));
        Areas.register("0912", 2030, Map.of("03", 100));
        String nextMonth = YearMonth.from(LocalDate.now(Period.ZONE)).plusMonths(1).toString();
        long before = observations();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(List.of(row("BU09120101", "2007"), row("BU09120102", "2007"), row("BU09120101", "2009-Q2"),
                        row("BU09120102", "2009"), row("BU09120103", "2026-Q1"), row("BU09120101", nextMonth),
                        row("BU09120101", "1999")))
                .post("/api/v1/observations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("rows[3].areaCode", "rows[4].areaCode", "rows[5].period", "rows[6].period"))
                .body("errors.message", contains("BU09120102 is not a registered area for 2009 (the area registry of 2008 applies)",
                        "BU09120103 is not a registered area for 2026 (the area registry of 2024 applies)",
                        "has not started yet: it starts on " + nextMonth + "-01", "must lie in 2000 or later"));
        assertThat(observations()).isEqualTo(before);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(List.of(row("BU09120101", "2007"), row("BU09120102", "2007"), row("BU09120101", "2009-Q2")))
                .post("/api/v1/observations").then().statusCode(200);
        assertThat(observations()).isEqualTo(before + 3);
    }

    static Map<String, Object> row(String area, String period) {
        return Map.of("areaCode", area, "indicator", "resilience.vulnerable-share", "period", period, "value", 0.2,
                "source", "cbs-kwetsbaarheid");
    }

    long observations() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from observation")
                .getSingleResult()).longValue());
    }
}
