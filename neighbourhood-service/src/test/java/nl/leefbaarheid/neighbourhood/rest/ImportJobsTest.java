package nl.leefbaarheid.neighbourhood.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.leefbaarheid.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Large files as import jobs (a body above neighbourhood.imports.job-above, 64 KB in tests, or Prefer: respond-async): 202
 * and the job, its progress while it runs, the import's answer when done, nothing stored when it fails, and a job whose
 * service stopped reported failed.
 */
@QuarkusTest
class ImportJobsTest {

    @Inject
    EntityManager em;

    /**
     * The registry of a municipality with {@code districts} x 100 neighbourhoods, as CBS publishes it. The districts are
     * numbered from 10, so that no code holds another test's municipality digits (09xx) after its own.
     */
    static String registry(String digits, int districts) {
        StringBuilder csv = new StringBuilder("\"ID\";\"WijkenEnBuurten\";\"SoortRegio_2\";\"Codering_3\";\"HuishoudensTotaal_29\";\"Woningvoorraad_35\"\n");
        csv.append("1;\"Gemeente ").append(digits).append("\";\"Gemeente  \";\"GM").append(digits).append("    \";500000;520000\n");
        for (int d = 0; d < districts; d++) {
            String wk = digits + (10 + d);
            csv.append("2;\"Wijk ").append(wk).append("\";\"Wijk      \";\"WK").append(wk).append("  \";10000;10400\n");
            for (int b = 0; b < 100; b++) {
                csv.append("3;\"Buurt ").append(b).append("\";\"Buurt     \";\"BU").append(wk).append(String.format("%02d", b))
                        .append("\";").append(100 + b).append(";").append(110 + b).append('\n');
            }
        }
        return csv.toString();
    }

    /** Leefbaarometer scores of every neighbourhood of such a municipality, for 2020, 2022 and 2024. */
    static String leefbaarometer(String digits, int districts) {
        StringBuilder csv = new StringBuilder("bu_code;jaar;lbm;afw;won;fys;vrz;soc;onv\n");
        for (int d = 0; d < districts; d++) {
            for (int b = 0; b < 100; b++) {
                for (int year : new int[] { 2020, 2022, 2024 }) {
                    double score = ((b + year) % 7 - 3) / 100.0;
                    csv.append(String.format(Locale.ROOT, "BU%s%02d%02d;%d;%.4f;%.4f;%.4f;%.4f;%.4f;%.4f;%.4f%n", digits, 10 + d, b, year,
                            4.05 + 5 * score, 5 * score, score, score, score, score, score).replace('.', ','));
                }
            }
        }
        return csv.toString();
    }

    static ExtractableResponse<Response> post(String path, String csv, String prefer) {
        var request = given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.post(path).then().log().ifValidationFails().extract();
    }

    /** Reads the job at a Location until it is done or failed; every answer read on the way, in order. */
    static List<JsonPath> follow(String location) {
        List<JsonPath> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = given().auth().oauth2(Tokens.admin()).get(location).then().statusCode(200).extract().jsonPath();
            seen.add(job);
            if (job.getString("state").equals("done") || job.getString("state").equals("failed")) {
                return seen;
            }
            pause(20);
        }
        throw new AssertionError("the job at " + location + " did not finish: " + seen.get(seen.size() - 1).prettify());
    }

    /** The job at a Location once it is done or failed. */
    static JsonPath last(String location) {
        List<JsonPath> seen = follow(location);
        return seen.get(seen.size() - 1);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void aLargeFileIsAJobWhoseProgressIsSeenWhileItRunsAndWhoseAnswerIsTheImportsWhenDone() {
        String registry = registry("0961", 30);
        assertThat(registry.length()).isGreaterThan(64 * 1024);
        ExtractableResponse<Response> accepted = post("/api/v1/areas/registry?year=2020", registry, null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isNull(); // a job for its size, not because it was asked
        String location = accepted.header("Location");
        assertThat(location).matches(".*/api/v1/imports/[0-9a-f-]{36}");
        assertThat(accepted.jsonPath().getString("kind")).isEqualTo("area-registry");
        assertThat(accepted.jsonPath().getInt("year")).isEqualTo(2020);
        assertThat(accepted.jsonPath().getString("createdBy")).isNotBlank();
        JsonPath registered = last(location);
        assertThat(registered.getString("state")).isEqualTo("done");
        assertThat(registered.getInt("registryResult.levels.neighbourhood.new")).isEqualTo(3000);
        assertThat(registered.getInt("registryResult.levels.district.new")).isEqualTo(30);
        assertThat(registered.getInt("progress.rowsStored")).isEqualTo(3031);
        assertThat(registered.getInt("progress.percentage")).isEqualTo(100);

        String file = leefbaarometer("0961", 30);
        ExtractableResponse<Response> job = post("/api/v1/observations/leefbaarometer", file, null);
        assertThat(job.statusCode()).isEqualTo(202);
        List<JsonPath> seen = follow(job.header("Location"));
        JsonPath done = seen.get(seen.size() - 1);
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("done");
        assertThat(done.getInt("leefbaarometerResult.rows")).isEqualTo(9000);
        assertThat(done.getInt("leefbaarometerResult.storedRows")).isEqualTo(9000);
        assertThat(done.getInt("leefbaarometerResult.observations")).isEqualTo(63000);
        assertThat(done.getInt("leefbaarometerResult.recalculatedAreas")).isEqualTo(3000);
        assertThat(done.getInt("progress.rowsRead")).isEqualTo(9000);
        assertThat(done.getInt("progress.areasRecalculated")).isGreaterThanOrEqualTo(3000);
        assertThat(done.getString("finishedAt")).isNotNull();
        assertThat((Object) done.get("problem")).isNull();
        // on the way: running, with rows read or areas recalculated, and a percentage below 100
        assertThat(seen).anySatisfy(running -> {
            assertThat(running.getString("state")).isEqualTo("running");
            assertThat(running.getInt("progress.rowsRead") + running.getInt("progress.areasRecalculated")).isPositive();
            assertThat(running.getInt("progress.percentage")).isBetween(1, 99);
        });
        given().auth().oauth2(Tokens.admin()).get("/api/v1/areas/WK096110/status").then().statusCode(200)
                .body("status.livability.year", equalTo(2024));
    }

    @Test
    void aFailedJobStoresNothingAndNamesEveryBadLine() {
        post("/api/v1/areas/registry?year=2020", registry("0962", 30), "respond-async");
        String bad = leefbaarometer("0962", 30) + "BU09621001;2024;4,0;veel;0;0;0;0;0\n";
        ExtractableResponse<Response> job = post("/api/v1/observations/leefbaarometer", bad, null);
        assertThat(job.statusCode()).isEqualTo(202);
        JsonPath failed = last(job.header("Location"));
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getInt("problem.status")).isEqualTo(400);
        assertThat(failed.getString("problem.type")).isEqualTo("https://leefbaarheid.nl/problems/validation-failed");
        assertThat(failed.getList("problem.errors.field")).containsExactly("line 9002 (afw)");
        assertThat((Object) failed.get("leefbaarometerResult")).isNull();
        assertThat(count("select count(*) from observation where area_code like 'BU0962%'")).isZero();
        assertThat(count("select count(*) from area_status where area_code like '__0962%'")).isZero();

        // a registry job that fails registers nothing
        String registry = registry("0963", 30).replace("\"BU09631005\";105", "\"BU09631005\";-5");
        JsonPath refused = last(post("/api/v1/areas/registry?year=2020", registry, null).header("Location"));
        assertThat(refused.getString("state")).isEqualTo("failed");
        assertThat(refused.getList("problem.errors.field")).containsExactly("line 9 (HuishoudensTotaal_29)");
        assertThat(count("select count(*) from area where code like '__0963%'")).isZero();
    }

    @Test
    void aSmallFileIsAnsweredAtOnceUnlessTheCallerPrefersAJob() {
        String registry = registry("0964", 1);
        assertThat(registry.length()).isLessThan(64 * 1024);
        ExtractableResponse<Response> accepted = post("/api/v1/areas/registry?year=2020", registry, "respond-async");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.header("Preference-Applied")).isEqualTo("respond-async");
        JsonPath done = last(accepted.header("Location"));
        assertThat(done.getInt("registryResult.levels.neighbourhood.new")).isEqualTo(100);

        ExtractableResponse<Response> direct = post("/api/v1/observations/leefbaarometer", leefbaarometer("0964", 1), null);
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.jsonPath().getInt("storedRows")).isEqualTo(300);
    }

    @Test
    void onlyTheAdminReadsAJobAndAnUnknownOrMalformedIdIsRefused() {
        String location = post("/api/v1/areas/registry?year=2020", registry("0965", 1), "respond-async").header("Location");
        follow(location);
        given().auth().oauth2(Tokens.corporation("corp-0965")).get(location).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/imports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/imports/42").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
    }

    @Test
    void aJobWhoseServiceStoppedIsFailedAndSaysSo() {
        // as a service that stopped without a word leaves its job: running, its heartbeat a minute old
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into import_job (id, kind, state, created_by, instance_id, bytes, created_at, started_at, heartbeat_at)
                values (cast(:id as uuid), 'leefbaarometer', 'running', 'admin', 'a-stopped-instance', 11534336,
                        now() - interval '2 minutes', now() - interval '2 minutes', now() - interval '1 minute')""")
                .setParameter("id", id).executeUpdate());
        given().auth().oauth2(Tokens.admin()).get("/api/v1/imports/" + id).then().statusCode(200).body("state", equalTo("failed"))
                .body("problem.status", equalTo(503)).body("problem.detail", matchesPattern("The service stopped before the import was done.*"))
                .body("leefbaarometerResult", nullValue());
        // and so it is stored, by the next heartbeat of any instance (or its start)
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count("select count(*) from import_job where id = '" + id + "' and state = 'failed'") == 0) {
            assertThat(System.nanoTime()).as("the stale job is marked failed").isLessThan(deadline);
            pause(100);
        }
        assertThat(count("select count(*) from import_job where id = '" + id + "' and finished_at is not null")).isOne();
    }
}
