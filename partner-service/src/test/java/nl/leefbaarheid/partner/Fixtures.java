package nl.leefbaarheid.partner;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefbaarheid.platform.testing.Tokens;
import nl.leefbaarheid.platform.testing.TopicProbe;

/** Organisations, collaborations and status events for tests, through the public API and the real topic. */
public final class Fixtures {

    private Fixtures() {
    }

    public static void organisation(String id, String type, String municipality) {
        int status = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Organisatie " + id, "type", type, "municipalityCode", municipality))
                .post("/api/v1/organisations").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("organisation " + id + ": " + status);
        }
    }

    public static String collaboration(String corporation, String municipality, String coordinator, List<String> members,
            List<String> areas, boolean surveys, boolean evaluations) {
        return given().auth().oauth2(Tokens.corporation(corporation)).contentType(ContentType.JSON)
                .body(Map.of("name", "Samen " + UUID.randomUUID().toString().substring(0, 6), "municipalityCode", municipality,
                        "coordinatorId", coordinator, "members", members, "areas", areas, "startDate", "2026-01-01",
                        "sharing", Map.of("complexes", false, "surveys", surveys, "evaluations", evaluations)))
                .post("/api/v1/collaborations").then().statusCode(201).extract().path("id");
    }

    /**
     * A status change as neighbourhood-service publishes it, with public statuses and the tenant experience of corp-0905
     * beside them (and of corp-other, which a collaboration of corp-0905 must never show); returns its event id.
     */
    public static String statusChanged(String area, String tenantColourBefore, String tenantColourAfter, List<String> changes) {
        String id = UUID.randomUUID().toString();
        send(id, area, tenantColourBefore, tenantColourAfter, changes);
        return id;
    }

    public static void send(String id, String area, String before, String after, List<String> changes) {
        String body = """
                {"areaCode": "%s", "areaLevel": "neighbourhood", "version": 2, "previousVersion": 1,
                 "changes": [%s], "reason": "measurement test",
                 "previousStatus": {"livability": {"deviation": {"score": -0.05, "class": 4, "label": "zwak"}},
                   "resilience": {"quadrant": "stable"}, "signals": [], "priority": 0.2},
                 "status": {"livability": {"deviation": {"score": -0.12, "class": 3, "label": "onvoldoende"}},
                   "resilience": {"quadrant": "under-pressure"},
                   "signals": ["livability-weak", "resilience-under-pressure"], "priority": 0.6},
                 "previousTenantExperiences": {"corp-0905": {"colour": "%s"}, "corp-other": {"colour": "green"}},
                 "tenantExperiences": {"corp-0905": {"colour": "%s"}, "corp-other": {"colour": "magenta-of-corp-other"}},
                 "computedAt": "2026-11-01T10:00:00Z"}"""
                .formatted(area, String.join(", ", changes.stream().map(c -> "\"" + c + "\"").toList()), before, after);
        TopicProbe.send("neighbourhood.status.v1", area, body, Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", "nl.leefbaarheid.area-status.changed.v1", "ce_source", "/neighbourhood-service", "ce_subject", area,
                "content-type", "application/json"));
    }

    public static void awaitConsumer(String groupId) {
        TopicProbe.awaitAssignment(groupId, "neighbourhood.status.v1", Duration.ofSeconds(30));
    }
}
