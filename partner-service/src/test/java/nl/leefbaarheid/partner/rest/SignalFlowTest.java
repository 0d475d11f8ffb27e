package nl.leefbaarheid.partner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.partner.Fixtures;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalFlowTest {

    @ConfigProperty(name = "mp.messaging.incoming.statuses.group.id")
    String groupId;

    static String district;
    static String neighbourhood;
    static String otherMunicipality;

    /** Once for the class: the collaborations are what the tests count signals for. */
    @BeforeEach
    void setUp() {
        if (district != null) {
            return;
        }
        Fixtures.organisation("gemeente-0905", "municipality", "GM0905");
        Fixtures.organisation("politie-0905", "police", "GM0905");
        Fixtures.organisation("huurders-0905", "tenant-organisation", "GM0905");
        Fixtures.organisation("gemeente-0906", "municipality", "GM0906");
        district = Fixtures.collaboration("corp-0905", "GM0905", "gemeente-0905", List.of("politie-0905"), List.of("WK090501"), false, false);
        neighbourhood = Fixtures.collaboration("corp-0905", "GM0905", "huurders-0905", List.of(), List.of("BU09050102"), true, false);
        otherMunicipality = Fixtures.collaboration("corp-0906", "GM0906", "gemeente-0906", List.of(), List.of("GM0906"), true, true);
        Fixtures.awaitConsumer(groupId);
    }

    List<Map<String, Object>> feed(String token) {
        return given().auth().oauth2(token).queryParam("size", 500).get("/api/v1/signals").then().statusCode(200).extract().path("items");
    }

    List<Map<String, Object>> signalsOf(String token, String eventArea) {
        return feed(token).stream().filter(s -> eventArea.equals(s.get("areaCode"))).toList();
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited for signals").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aStatusChangeBecomesSignalsForExactlyTheCoveringCollaborationsOnce() throws Exception {
        String area = "BU09050102";
        String event = Fixtures.statusChanged(area, "green", "red", List.of("livability.deviation", "resilience.quadrant", "tenantExperience", "signals"));
        waitFor(() -> signalsOf(Tokens.admin(), area).size() >= 2);
        Thread.sleep(500);

        List<Map<String, Object>> all = signalsOf(Tokens.admin(), area);
        assertThat(all).extracting(s -> s.get("collaborationId")).containsExactlyInAnyOrder(district, neighbourhood);

        // the district collaboration does not share surveys: no tenant figures in its signal
        List<Map<String, Object>> police = signalsOf(Tokens.partner("politie-0905"), area);
        assertThat(police).hasSize(1);
        assertThat(police.get(0).toString()).doesNotContain("tenant").contains("under-pressure", "onvoldoende");
        // the tenant organisation's collaboration does
        List<Map<String, Object>> tenants = signalsOf(Tokens.partner("huurders-0905"), area);
        assertThat(tenants).hasSize(1);
        assertThat(tenants.get(0).toString()).contains("tenantColour=red").doesNotContain("magenta-of-corp-other");
        // another municipality sees nothing of it
        assertThat(signalsOf(Tokens.partner("gemeente-0906"), area)).isEmpty();
        given().auth().oauth2(Tokens.partner("gemeente-0906")).get("/api/v1/collaborations/{id}", district).then().statusCode(404);

        // the same event again makes no second signal
        Fixtures.send(event, area, "green", "red", List.of("livability.deviation", "tenantExperience"));
        Thread.sleep(2_000);
        assertThat(signalsOf(Tokens.admin(), area)).hasSize(2);
    }

    @Test
    void aChangeOnlyInUnsharedFiguresMakesNoSignal() throws Exception {
        String area = "BU09050101";
        Fixtures.statusChanged(area, "green", "orange", List.of("tenantExperience"));
        Fixtures.statusChanged("BU09050102", "green", "orange", List.of("tenantExperience"));
        waitFor(() -> !signalsOf(Tokens.partner("huurders-0905"), "BU09050102").isEmpty()
                && signalsOf(Tokens.partner("huurders-0905"), "BU09050102").stream().anyMatch(s -> s.toString().contains("orange")));
        assertThat(signalsOf(Tokens.partner("politie-0905"), area)).isEmpty();
    }

    @Test
    void theFeedFollowsACursorAndCollaborationsStayWithTheirMembers() throws Exception {
        Fixtures.statusChanged("BU09050103", "green", "green", List.of("livability.deviation"));
        waitFor(() -> !signalsOf(Tokens.partner("politie-0905"), "BU09050103").isEmpty());
        long cursor = ((Number) given().auth().oauth2(Tokens.partner("politie-0905")).queryParam("size", 500)
                .get("/api/v1/signals").then().extract().path("nextCursor")).longValue();
        given().auth().oauth2(Tokens.partner("politie-0905")).queryParam("after", cursor).get("/api/v1/signals")
                .then().statusCode(200).body("items", empty()).body("nextCursor", equalTo((int) cursor));
        given().auth().oauth2(Tokens.partner("politie-0905")).get("/api/v1/collaborations").then().statusCode(200)
                .body("items.id", contains(district));
        given().auth().oauth2(Tokens.partner("politie-0905")).queryParam("type", "iets").get("/api/v1/signals").then().statusCode(400);
    }

    @Test
    void unreadableStatusEventsGoToTheDeadLetterTopicAndTheRestMakesItsSignalsOnce() throws Exception {
        String area = "BU09050104"; // in the district collaboration's district only
        String good = UUID.randomUUID().toString();
        String badArea = UUID.randomUUID().toString();
        try (TopicProbe dlq = TopicProbe.atEnd("partner-service.dlq.v1")) {
            TopicProbe.send("neighbourhood.status.v1", area, "{}", Map.of()); // no CloudEvents headers at all
            Fixtures.send(badArea, "BU0905010x", "green", "red", List.of("livability.deviation"));
            Fixtures.send(good, area, "green", "red", List.of("livability.deviation"));
            Fixtures.send(good, area, "green", "red", List.of("livability.deviation")); // the same event again

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> area.equals(r.key()) || "BU0905010x".equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(dead).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(null, badArea);
            assertThat(TopicProbe.header(dead.get(0), "dead-letter-reason")).contains("no ce_id header");
            assertThat(TopicProbe.header(dead.get(1), "dead-letter-reason")).contains("lacks a valid areaCode or status");
            assertThat(TopicProbe.header(dead.get(1), "dead-letter-topic")).isEqualTo("neighbourhood.status.v1");
        }
        waitFor(() -> !signalsOf(Tokens.partner("politie-0905"), area).isEmpty());
        Thread.sleep(1_000);
        assertThat(signalsOf(Tokens.partner("politie-0905"), area)).extracting(s -> s.get("collaborationId")).containsExactly(district);
    }
}
