package nl.leefbaarheid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import nl.leefbaarheid.evaluation.domain.RegistryYear;
import nl.leefbaarheid.evaluation.service.ReferenceData;
import nl.leefbaarheid.platform.testing.TopicProbe;

/**
 * Registers areas and complexes for tests the way neighbourhood-service does: as events on the real topic
 * neighbourhood.areas.v1, and waits until they are in this service's read model.
 */
public final class Registry {

    public static final String TOPIC = "neighbourhood.areas.v1";

    private Registry() {
    }

    /**
     * Neighbourhoods registered for the year, with their municipalities (whose registry years decide which year applies
     * to a period); their districts are not needed here.
     */
    public static void neighbourhoods(int year, String... codes) {
        List<String> municipalities = Stream.of(codes).map(RegistryYear::municipalityOf).distinct().toList();
        for (String code : municipalities) {
            send("area:" + code + ":" + year, "nl.leefbaarheid.area.registered.v1", """
                    {"code": "%s", "year": %d, "level": "municipality", "name": "Gemeente %s"}""".formatted(code, year, code));
        }
        for (String code : codes) {
            send("area:" + code + ":" + year, "nl.leefbaarheid.area.registered.v1", """
                    {"code": "%s", "year": %d, "level": "neighbourhood", "name": "Buurt %s", "parentCode": "%s", "households": 500}"""
                    .formatted(code, year, code, "WK" + code.substring(2, 8)));
        }
        await(() -> {
            ReferenceData.AreaYears years = reference().areaYears(List.of(codes));
            return Stream.concat(Stream.of(codes), municipalities.stream()).allMatch(c -> years.of(c).contains(year));
        }, "areas " + String.join(", ", codes) + " of " + year);
    }

    public static void complex(String corporation, String complexId, String neighbourhood) {
        send("complex:" + corporation + ":" + complexId, "nl.leefbaarheid.complex.registered.v1", """
                {"corporationId": "%s", "complexId": "%s", "neighbourhoodCode": "%s", "name": "Complex %s", "homes": 80}"""
                .formatted(corporation, complexId, neighbourhood, complexId));
        await(() -> reference().complex(corporation, complexId).filter(c -> neighbourhood.equals(c.neighbourhoodCode())).isPresent(),
                "complex " + corporation + "/" + complexId);
    }

    /** Sends one event as neighbourhood-service's relay does; returns its id. */
    public static String send(String key, String type, String data) {
        return send(UUID.randomUUID().toString(), key, type, data);
    }

    public static String send(String id, String key, String type, String data) {
        TopicProbe.send(TOPIC, key, data, Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type,
                "ce_source", "/neighbourhood-service", "ce_subject", key, "ce_time", "2026-11-02T10:00:00Z",
                "content-type", "application/json"));
        return id;
    }

    /** Waits (at most 20 s) until the read model, read in a transaction of its own, shows what is expected. */
    public static void await(BooleanSupplier done, String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!QuarkusTransaction.requiringNew().call(done::getAsBoolean)) {
            assertThat(System.currentTimeMillis()).as(what + " arrive in the read model").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static ReferenceData reference() {
        return Arc.container().instance(ReferenceData.class).get();
    }
}
