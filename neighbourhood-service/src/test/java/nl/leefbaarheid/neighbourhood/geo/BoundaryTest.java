package nl.leefbaarheid.neighbourhood.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BoundaryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final Crs.ToWgs84 rdNew = new Crs.ToWgs84();

    /** A wavy square of about 1 km in RD New: 400 points, most of them a metre or two off a straight edge. */
    static JsonNode wavySquare() {
        StringBuilder ring = new StringBuilder("[");
        double[][] corners = { { 150_000, 460_000 }, { 151_000, 460_000 }, { 151_000, 461_000 }, { 150_000, 461_000 } };
        for (int side = 0; side < 4; side++) {
            double[] from = corners[side];
            double[] to = corners[(side + 1) % 4];
            for (int i = 0; i < 100; i++) {
                double t = i / 100.0;
                double wobble = Math.sin(i * 1.7) * 1.5;
                double x = from[0] + (to[0] - from[0]) * t + (from[1] == to[1] ? 0 : wobble);
                double y = from[1] + (to[1] - from[1]) * t + (from[0] == to[0] ? 0 : wobble);
                ring.append(ring.length() == 1 ? "" : ",").append('[').append(x).append(',').append(y).append(']');
            }
        }
        ring.append(",[150000,460000]]");
        return node("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}");
    }

    static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void anRdNewPolygonIsStoredInWgs84WithACounterclockwiseExteriorRing() throws Exception {
        Boundary boundary = Boundary.of(node("{\"type\":\"Polygon\",\"coordinates\":[[[155000,463000],[155000,464000],[156000,464000],[156000,463000],[155000,463000]]]}"),
                null, rdNew);
        assertThat(boundary.crs()).isEqualTo(Crs.RD_NEW);
        assertThat(boundary.bbox().getMinX()).isBetween(5.387, 5.388);
        assertThat(boundary.bbox().getMinY()).isBetween(52.155, 52.156);
        JsonNode ring = node(boundary.geometry().geoJson()).path("coordinates").get(0);
        // the clockwise input comes out counterclockwise: from the origin east first, not north
        assertThat(ring.get(1).get(0).asDouble()).isGreaterThan(ring.get(0).get(0).asDouble());
    }

    @Test
    void simplificationDropsMostPointsAndKeepsTheShapeValid() throws Exception {
        Boundary boundary = Boundary.of(wavySquare(), Crs.RD_NEW, rdNew);
        assertThat(boundary.geometry().points()).isEqualTo(401);
        assertThat(boundary.simplified().points()).isLessThan(40);
        assertThat(boundary.simplified().shape().isValid()).isTrue();
        assertThat(boundary.simplified().shape().getArea()).isCloseTo(boundary.geometry().shape().getArea(),
                org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(boundary.simplified().geoJson().length()).isLessThan(boundary.geometry().geoJson().length() / 5);
    }

    @Test
    void theSameGeometryHasTheSameDigestAndAnotherOneAnother() throws Exception {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.2],[5.1,52.1]]]}";
        assertThat(Boundary.of(node(square), null, rdNew).digest()).isEqualTo(Boundary.of(node(square), null, rdNew).digest())
                .isNotEqualTo(Boundary.of(node(square.replace("5.2,52.2", "5.2,52.25")), null, rdNew).digest());
    }

    @Test
    void aSelfIntersectingRingIsRefusedWithWhereItCrosses() {
        JsonNode bowtie = node("{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[5.2,52.2],[5.2,52.1],[5.1,52.2],[5.1,52.1]]]}");
        assertThatThrownBy(() -> Boundary.of(bowtie, null, rdNew)).isInstanceOf(Boundary.Refused.class)
                .hasMessageStartingWith("invalid geometry: Self-intersection").hasMessageContaining("5.15");
    }

    @Test
    void otherGeometriesAndOpenOrShortRingsAreRefused() {
        assertThatThrownBy(() -> Boundary.of(node("{\"type\":\"Point\",\"coordinates\":[5.1,52.1]}"), null, rdNew))
                .hasMessageContaining("not a Polygon or MultiPolygon");
        assertThatThrownBy(() -> Boundary.of(node("{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[5.2,52.1],[5.2,52.2],[5.1,52.2]]]}"), null, rdNew))
                .hasMessageContaining("must end where it starts");
        assertThatThrownBy(() -> Boundary.of(node("{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[5.2,52.1],[5.1,52.1]]]}"), null, rdNew))
                .hasMessageContaining("at least 4 positions");
        assertThatThrownBy(() -> Boundary.of(node("{\"type\":\"Polygon\",\"coordinates\":[[[5.1,52.1],[155000,463000],[5.2,52.2],[5.1,52.1]]]}"), null, rdNew))
                .hasMessageContaining("outside WGS84");
        assertThatThrownBy(() -> Boundary.of(null, null, rdNew)).hasMessage("missing geometry");
    }

    @Test
    void aFeaturesCodeIsItsMostDetailedAndTheOthersMustContainIt() {
        assertThat(BoundaryFile.code(0, node("{\"buurtcode\":\"BU09990101\",\"wijkcode\":\"WK099901\",\"gemeentecode\":\"GM0999\"}"), null))
                .extracting(BoundaryFile.Feature::code, BoundaryFile.Feature::refused).containsExactly("BU09990101", null);
        assertThat(BoundaryFile.code(0, node("{\"statcode\":\"WK099902\"}"), null).code()).isEqualTo("WK099902");
        assertThat(BoundaryFile.code(0, node("{\"buurtcode\":\"BU09990101\",\"wijkcode\":\"WK099902\"}"), null).refused())
                .isEqualTo("wijkcode WK099902 does not contain BU09990101");
        assertThat(BoundaryFile.code(0, node("{\"buurtcode\":42}"), null).refused()).startsWith("buurtcode 42 is not a CBS neighbourhood code");
        assertThat(BoundaryFile.code(0, node("{\"buurtnaam\":\"Oude Haven\"}"), null).refused()).startsWith("missing code");
    }
}
