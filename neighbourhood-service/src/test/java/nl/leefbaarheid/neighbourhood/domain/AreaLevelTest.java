package nl.leefbaarheid.neighbourhood.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AreaLevelTest {

    @Test
    void theLevelOfACodeIsThatOfItsPatternAndNothingElse() {
        assertThat(AreaLevel.ofCode("GM0999")).contains(AreaLevel.MUNICIPALITY);
        assertThat(AreaLevel.ofCode("WK0363AB")).contains(AreaLevel.DISTRICT);
        assertThat(AreaLevel.ofCode("BU0363AB10")).contains(AreaLevel.NEIGHBOURHOOD);
        assertThat(AreaLevel.ofCode(null)).isEmpty();
        Pattern pattern = Pattern.compile(AreaLevel.CODE_PATTERN);
        for (String code : List.of("GM0999", "GM099", "GM09999", "GMA999", "gm0999", "WK099901", "WK0999A1", "WKA99901", "WK09990",
                "BU09990101", "BU0999020A", "BU0999ABCD", "BU099901", "BU0999010a", "BU09\u0663\u0663\u0663\u0663\u0663\u0663",
                "XX09990101", "", "BU09990101 ", "NL00")) {
            Optional<AreaLevel> level = AreaLevel.ofCode(code);
            assertThat(level.isPresent()).as(code).isEqualTo(pattern.matcher(code).matches());
            level.ifPresent(l -> assertThat(code).startsWith(l.prefix()));
        }
    }
}
