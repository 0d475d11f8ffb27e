package nl.leefbaarheid.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.leefbaarheid.catalog.domain.CostBand;
import nl.leefbaarheid.catalog.domain.Dimension;
import nl.leefbaarheid.catalog.domain.Direction;
import nl.leefbaarheid.catalog.domain.EffectMeasurement;
import nl.leefbaarheid.catalog.domain.EvidenceLevel;
import nl.leefbaarheid.catalog.domain.Instrument;
import nl.leefbaarheid.catalog.domain.InterventionSpec;
import nl.leefbaarheid.catalog.domain.PartnerType;
import nl.leefbaarheid.catalog.domain.Strategy;

/** Intervention records for tests. */
public final class TestSpecs {

    private TestSpecs() {
    }

    public static InterventionSpec moestuin(String code, String subtopicCode) {
        return new InterventionSpec(code, subtopicCode, "Gemeenschappelijke moestuin",
                "Bewoners leggen samen een moestuin aan bij het complex; één keer per week tuinieren ze samen.",
                "Bewoners leren elkaar kennen.", "Bewoners van het complex", "Bewonersavond, ontwerp, aanleg en begeleiding.",
                List.of("Samen iets maken", "Vaste ontmoetingsmomenten"), List.of("Een stuk grond"),
                "Wijkconsulent met opbouwwerker", List.of(PartnerType.WELFARE), false, Strategy.SOCIAL_APPROACH,
                List.of(Dimension.SOC), List.of("lbm.soc", "tenant.feeling-at-home"), CostBand.LOW, 12,
                EvidenceLevel.WELL_FOUNDED, LocalDate.of(2024, 3, 1), List.of("Complex Zonnehof, Demostad (2024)"),
                new EffectMeasurement(List.of("tenant.feeling-at-home"), Instrument.SURVEY, 0, 6, 12, Direction.INCREASE,
                        new BigDecimal("0.5")));
    }

    public static InterventionSpec verlichting(String code, String subtopicCode) {
        return new InterventionSpec(code, subtopicCode, "LED-verlichting in portieken en bergingen",
                "Donkere hoeken verdwijnen: betere verlichting maakt het complex veiliger.", "Minder onveiligheidsgevoel.",
                null, null, List.of(), List.of(), "Vastgoedbeheer", List.of(), true, Strategy.LIVING_ENVIRONMENT,
                List.of(Dimension.ONV, Dimension.FYS), List.of("lbm.onv"), CostBand.MEDIUM, 3,
                EvidenceLevel.EFFECTIVE_GOOD_INDICATIONS, LocalDate.of(2023, 5, 1), List.of(),
                new EffectMeasurement(List.of("nuisance.reports-per-100-homes"), Instrument.COUNTS, -3, null, 12,
                        Direction.DECREASE, new BigDecimal("2")));
    }
}
