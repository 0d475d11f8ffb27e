package nl.leefbaarheid.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of an intervention record that Bean Validation cannot express: they relate fields to each other.
 * Each broken rule is returned as the field it concerns and a message.
 */
public final class InterventionRules {

    private InterventionRules() {
    }

    public static List<Map.Entry<String, String>> check(InterventionSpec spec, LocalDate today) {
        List<Map.Entry<String, String>> broken = new ArrayList<>();
        if (spec.evidenceLevel() != null && spec.evidenceAssessedOn() == null) {
            broken.add(Map.entry("evidenceAssessedOn", "is required with an evidence level"));
        }
        if (spec.evidenceLevel() == null && spec.evidenceAssessedOn() != null) {
            broken.add(Map.entry("evidenceLevel", "is required with an assessment date"));
        }
        if (spec.evidenceAssessedOn() != null && spec.evidenceAssessedOn().isAfter(today)) {
            broken.add(Map.entry("evidenceAssessedOn", "must not be in the future"));
        }
        if (spec.dimensions().stream().distinct().count() < spec.dimensions().size()) {
            broken.add(Map.entry("dimensions", "must not repeat a dimension"));
        }
        if (Boolean.FALSE.equals(spec.corporationAlone()) && spec.partnerTypes().isEmpty()) {
            broken.add(Map.entry("partnerTypes", "must name the partners needed when the corporation cannot do it alone"));
        }
        EffectMeasurement m = spec.effectMeasurement();
        if (m != null && m.finalMonths() != null) {
            if (m.interimMonths() != null && m.interimMonths() >= m.finalMonths()) {
                broken.add(Map.entry("effectMeasurement.interimMonths", "must come before the final measurement"));
            }
            if (m.baselineMonths() != null && m.baselineMonths() >= m.finalMonths()) {
                broken.add(Map.entry("effectMeasurement.baselineMonths", "must come before the final measurement"));
            }
        }
        return broken;
    }

    /** When the evidence rating lapses, or empty when the intervention was not rated. */
    public static LocalDate evidenceLapsesOn(InterventionSpec spec) {
        return spec.evidenceLevel() == null || spec.evidenceAssessedOn() == null ? null
                : spec.evidenceLevel().lapsesOn(spec.evidenceAssessedOn());
    }

    /** A code made from a title: "Eén moestuin in de wijk!" becomes {@code een-moestuin-in-de-wijk}. */
    public static String codeFromTitle(String title) {
        String slug = SearchText.normalize(title).replace(' ', '-');
        if (slug.length() > 56) {
            slug = slug.substring(0, 56).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "interventie" : slug;
    }
}
