package nl.leefbaarheid.e2e;

import static nl.leefbaarheid.e2e.Platform.api;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A municipality of its own for one test class, with a district, four neighbourhoods, a housing corporation and
 * a municipality partner, under codes no other run uses: the tests hold on a platform that ran before, beside the
 * demo data of Demostad.
 */
final class Town {

    /**
     * The registry years the town's areas are registered for: a measurement counts for an area registered for the latest
     * registry year up to its period's year (the demo registers 2022 and 2024), and the tests measure periods from 2018 on.
     */
    static final List<Integer> YEARS = List.of(2018, 2020, 2022, 2024);

    final String municipality;
    final String district;
    /** Neighbourhoods 01..04 of the district; 02 is the weak one in the Leefbaarometer file. */
    final List<String> neighbourhoods;
    final String corporation;
    final String municipalityPartner;
    final String welfarePartner;
    final String admin = Platform.adminToken();

    private Town(int number) {
        String digits = String.format("%04d", number);
        municipality = "GM" + digits;
        district = "WK" + digits + "01";
        neighbourhoods = IntStream.rangeClosed(1, 4).mapToObj(i -> "BU" + digits + "010" + i).toList();
        corporation = "corp-e2e-" + digits;
        municipalityPartner = "gemeente-e2e-" + digits;
        welfarePartner = "welzijn-e2e-" + digits;
    }

    /** Registers the areas (no observations yet) and the partner organisations. */
    static Town create(String name) {
        String admin = Platform.adminToken();
        for (int attempt = 0; attempt < 20; attempt++) {
            Town town = new Town(ThreadLocalRandom.current().nextInt(1000, 9000));
            if (town.municipality.equals("GM0999")
                    || api("neighbourhood", admin).get("/api/v1/areas/{code}", town.municipality).statusCode() != 404) {
                continue; // the demo's municipality, or one an earlier run made
            }
            String[] names = { "Havenkwartier", "Sluisbuurt", "Lindenhof", "Molenwijk" };
            for (int year : YEARS) {
                town.area(town.municipality, year, name, null, 24_000);
                town.area(town.district, year, name + "-Centrum", town.municipality, 8_000);
                for (int i = 0; i < 4; i++) {
                    town.area(town.neighbourhoods.get(i), year, names[i], town.district, 2_000);
                }
            }
            town.organisation(town.municipalityPartner, "Gemeente " + name, "municipality");
            town.organisation(town.welfarePartner, "Welzijn " + name, "welfare");
            town.organisation(town.corporation, "Woonstichting " + name, "corporation");
            // the corporation owns a complex in every neighbourhood and shares its figures with the municipality
            for (int i = 0; i < 4; i++) {
                api("neighbourhood", town.corporationToken()).contentType(ContentType.JSON)
                        .body(Map.of("code", "C-0" + (i + 1), "name", "Complex " + names[i], "neighbourhoodCode",
                                town.neighbourhoods.get(i), "homes", 120, "households", 114))
                        .post("/api/v1/corporations/{id}/complexes", town.corporation).then().statusCode(201);
            }
            api("neighbourhood", town.corporationToken())
                    .put("/api/v1/corporations/{id}/shares/{organisation}", town.corporation, town.municipalityPartner)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 204));
            town.awaitEvaluationKnowsIt();
            return town;
        }
        throw new IllegalStateException("no free municipality code found");
    }

    String weakNeighbourhood() {
        return neighbourhoods.get(1);
    }

    String corporationToken() {
        return Platform.corporationToken(corporation);
    }

    String partnerToken() {
        return Platform.partnerToken(municipalityPartner);
    }

    /**
     * The Leefbaarometer open-data file of the town for 2020, 2022 and 2024 (semicolons, decimal commas): three
     * neighbourhoods above the national reference, the second one far below it on social cohesion and nuisance, and
     * getting worse.
     */
    String leefbaarometerCsv() {
        StringBuilder csv = new StringBuilder("bu_code;bu_naam;jaar;lbm;afw;won;fys;vrz;soc;onv\n");
        int[] years = { 2020, 2022, 2024 };
        for (int n = 0; n < 4; n++) {
            for (int y = 0; y < years.length; y++) {
                boolean weak = n == 1;
                double soc = weak ? -0.05 - 0.02 * y : 0.01 + 0.002 * n;
                double onv = weak ? -0.06 - 0.03 * y : 0.012;
                double won = weak ? -0.03 : 0.004;
                double fys = weak ? -0.02 : 0.006;
                double vrz = 0.01;
                double afw = soc + onv + won + fys + vrz;
                csv.append(String.join(";", neighbourhoods.get(n), "Buurt " + (n + 1), String.valueOf(years[y]),
                        decimal(4.05 + afw), decimal(afw), decimal(won), decimal(fys), decimal(vrz), decimal(soc), decimal(onv)))
                        .append('\n');
            }
        }
        return csv.toString();
    }

    /** A partner collaboration of the municipality and the welfare organisation on the district, sharing everything. */
    String collaboration() {
        Map<String, Object> body = Map.of("name", "Samen voor " + district, "municipalityCode", municipality,
                "corporationId", corporation, "coordinatorId", municipalityPartner, "members", List.of(welfarePartner),
                "areas", List.of(district), "startDate", "2024-01-01", "endDate", "2028-12-31",
                "sharing", Map.of("complexes", true, "surveys", true, "evaluations", true));
        return api("partner", admin).contentType(ContentType.JSON).body(body).post("/api/v1/collaborations")
                .then().statusCode(201).extract().path("id");
    }

    /** Subscribes the municipality partner's system to every signal type. */
    String webhook(WebhookReceiver receiver) {
        return api("partner", partnerToken()).contentType(ContentType.JSON)
                .body(Map.of("organisationId", municipalityPartner, "url", receiver.url(), "secret", receiver.secret,
                        "types", List.of("status-changed", "evaluation-completed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    /**
     * Areas and complexes registered at neighbourhood-service reach evaluation-service over Kafka (neighbourhood.areas.v1)
     * about a second later, and it refuses measurements of what it does not know yet: a caller that registers and then
     * measures waits until evaluation-service reads each neighbourhood for each year, and each complex, as registered.
     */
    void awaitEvaluationKnowsIt() {
        for (String code : neighbourhoods) {
            for (int year : YEARS) {
                Eventually.await(code + " of " + year + " in evaluation-service's reference data",
                        () -> api("evaluation", admin).queryParam("year", year).get("/api/v1/reference/areas/{code}", code),
                        r -> r.statusCode() == 200 && r.jsonPath().getInt("year") == year, java.time.Duration.ofSeconds(60));
            }
        }
        for (int i = 0; i < 4; i++) {
            String complex = "C-0" + (i + 1);
            Eventually.await("complex " + complex + " of " + corporation + " in evaluation-service's reference data",
                    () -> api("evaluation", admin).get("/api/v1/reference/corporations/{id}/complexes/{complex}", corporation, complex)
                            .statusCode(), s -> s == 200, java.time.Duration.ofSeconds(60));
        }
    }

    private void area(String code, int year, String name, String parent, int households) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "year", year, "name", name,
                "households", households, "homes", households + households / 20, "corporationHomes", households / 3));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        api("neighbourhood", admin).contentType(ContentType.JSON).body(body).post("/api/v1/areas").then().statusCode(201);
    }

    private void organisation(String id, String name, String type) {
        api("partner", admin).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", name, "type", type, "municipalityCode", municipality))
                .post("/api/v1/organisations").then().statusCode(201);
    }

    private static String decimal(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value).replace('.', ',');
    }

    static String quarter(java.time.LocalDate date) {
        return date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public String toString() {
        return municipality + " " + neighbourhoods.stream().collect(Collectors.joining(","));
    }
}
