package nl.leefbaarheid.neighbourhood.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** A definition of the kapstok: what is measured about an area. */
@Entity
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String unit;
    public BigDecimal scaleMin;
    public BigDecimal scaleMax;
    public boolean higherIsBetter;
    /** The Leefbaarometer dimension it belongs to, if any. */
    public String dimension;
    /** Below this respondent count a figure is not published. */
    public Integer minRespondents;
    /** Corporation data (surveys, own reports): visible to the owner and those it shares with. */
    public boolean restricted;

    /** Whether a value lies on the indicator's scale. */
    public boolean accepts(double value) {
        return (scaleMin == null || value >= scaleMin.doubleValue()) && (scaleMax == null || value <= scaleMax.doubleValue());
    }

    public String scaleText() {
        return (scaleMin == null ? "-∞" : scaleMin.stripTrailingZeros().toPlainString()) + " to "
                + (scaleMax == null ? "∞" : scaleMax.stripTrailingZeros().toPlainString());
    }
}
