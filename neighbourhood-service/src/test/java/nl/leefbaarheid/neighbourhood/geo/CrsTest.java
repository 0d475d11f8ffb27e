package nl.leefbaarheid.neighbourhood.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrsTest {

    @Test
    void theOriginOfRdNewIsTheOnzeLieveVrouweTowerInAmersfoort() {
        double[] lonLat = new Crs.ToWgs84().transform(155_000, 463_000);
        assertThat(lonLat[1]).isCloseTo(52.1552, within(0.0002));
        assertThat(lonLat[0]).isCloseTo(5.3872, within(0.0002));
    }

    @Test
    void theSystemIsSeenFromTheCoordinatesRange() {
        assertThat(Crs.detect(155_000, 463_000)).isEqualTo(Crs.RD_NEW);
        assertThat(Crs.detect(5.3872, 52.1552)).isEqualTo(Crs.WGS84);
        assertThat(Crs.detect(1_000_000, 463_000)).isNull();
    }

    @Test
    void theSystemIsReadFromItsNameInTheCrsMember() {
        assertThat(Crs.named("urn:ogc:def:crs:EPSG::28992")).isEqualTo(Crs.RD_NEW);
        assertThat(Crs.named("EPSG:28992")).isEqualTo(Crs.RD_NEW);
        assertThat(Crs.named("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo(Crs.WGS84);
        assertThat(Crs.named("EPSG:4326")).isEqualTo(Crs.WGS84);
        assertThat(Crs.named("EPSG:3857")).isNull();
    }
}
