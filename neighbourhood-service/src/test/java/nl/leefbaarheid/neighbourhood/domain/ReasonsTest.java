package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    static final String A = "11111111-1111-1111-1111-111111111111";
    static final String B = "22222222-2222-2222-2222-222222222222";
    static final String C = "33333333-3333-3333-3333-333333333333";

    @Test
    void aNeighbourhoodNamesItsOwnMeasurementsAndItsDistrictAndMunicipalityThoseOfTheNeighbourhoodsInThem() {
        Reasons reasons = Reasons.measurements(Map.of("BU09990101", List.of(A), "BU09990102", List.of(B), "BU09990201", List.of(C),
                "BU09980101", List.of("not-this-municipality")), Map.of("complex:corp:C1", List.of(A)), Map.of(A, "00-trace-a", C, "00-trace-c"));

        assertThat(reasons.forSubject("BU09990101")).isEqualTo("measurement " + A);
        assertThat(reasons.forSubject("complex:corp:C1")).isEqualTo("measurement " + A);
        assertThat(reasons.forSubject("WK099901")).isEqualTo("measurements " + A + ", " + B);
        assertThat(reasons.forSubject("GM0999")).isEqualTo("measurements " + A + ", " + B + ", " + C);
        assertThat(reasons.forSubject("BU09990103")).isEqualTo("recalculation");
        // the status event goes on in the trace of the last measurement named
        assertThat(reasons.traceParentFor("GM0999")).isEqualTo("00-trace-c");
        assertThat(reasons.traceParentFor("BU09990101")).isEqualTo("00-trace-a");
        assertThat(reasons.traceParentFor("BU09990102")).isNull();
        // what a roll-up request keeps of them, to name them again when the district and municipality are rolled up
        assertThat(reasons.measurementsOf("BU09990101")).containsExactly(A);
        assertThat(reasons.measurementsOf("WK099901")).containsExactly(A, B);
        assertThat(reasons.traceParentOf(C)).isEqualTo("00-trace-c");
    }

    @Test
    void aLongListEndsWithHowManyMoreThereAreAndFitsTheColumn() {
        List<String> ids = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID().toString()).toList();
        String reason = Reasons.measurements(Map.of("BU09990101", ids), Map.of(), Map.of()).forSubject("GM0999");

        assertThat(reason).hasSizeLessThanOrEqualTo(Reasons.MAX_LENGTH).startsWith("measurements " + ids.get(0) + ", ");
        int listed = reason.split(", ").length;
        assertThat(reason).endsWith(" and " + (500 - listed) + " more");
    }

    @Test
    void aFixedReasonIsTheSameForEverySubject() {
        Reasons reasons = Reasons.of("Leefbaarometer import");
        assertThat(reasons.forSubject("GM0999")).isEqualTo(reasons.forSubject("BU09990101")).isEqualTo("Leefbaarometer import");
        assertThat(reasons.measurementsOf("BU09990101")).isEmpty();
    }
}
