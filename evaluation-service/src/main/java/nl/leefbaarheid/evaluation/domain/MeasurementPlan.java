package nl.leefbaarheid.evaluation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The measurement plan of a deployment: the catalogue method's timing laid on the deployment's start date. */
public final class MeasurementPlan {

    public record PlannedSlot(Slot slot, LocalDate dueOn, List<String> indicators) {
    }

    private MeasurementPlan() {
    }

    public static List<PlannedSlot> of(LocalDate start, EffectMethod method) {
        List<PlannedSlot> plan = new ArrayList<>();
        int baseline = method.baselineMonths() == null ? 0 : method.baselineMonths();
        plan.add(new PlannedSlot(Slot.BASELINE, start.plusMonths(baseline), method.indicators()));
        if (method.interimMonths() != null) {
            plan.add(new PlannedSlot(Slot.INTERIM, start.plusMonths(method.interimMonths()), method.indicators()));
        }
        plan.add(new PlannedSlot(Slot.FINAL, start.plusMonths(method.finalMonths()), method.indicators()));
        return plan;
    }
}
