package nl.leefbaarheid.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PartnerRulesTest {

    @Test
    void anAreaCoversItselfAndWhatLiesInside() {
        assertThat(Coverage.covers("GM0999", "BU09990101")).isTrue();
        assertThat(Coverage.covers("WK099901", "BU09990101")).isTrue();
        assertThat(Coverage.covers("WK099901", "BU09990201")).isFalse();
        assertThat(Coverage.covers("BU09990101", "WK099901")).isFalse();
        assertThat(Coverage.covers("GM0998", "BU09990101")).isFalse();
        assertThat(Coverage.coveringCodes("BU0363AB10")).containsExactly("BU0363AB10", "WK0363AB", "GM0363");
    }

    @Test
    void signaturesVerifyAndOldTimestampsAreRefused() {
        String signature = WebhookSignature.sign("een-lang-geheim", 1_700_000_000L, "{\"a\":1}");
        assertThat(signature).startsWith("v1=").hasSize(67);
        assertThat(WebhookSignature.verify("een-lang-geheim", "1700000000", "{\"a\":1}", signature, 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("een-lang-geheim", "1700000000", "{\"a\":2}", signature, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("ander-geheim-xxx", "1700000000", "{\"a\":1}", signature, 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify("een-lang-geheim", "1700000000", "{\"a\":1}", signature, 1_700_001_000L, 300)).isFalse();
    }

    @Test
    void duringASecretsGracePeriodTheHeaderCarriesBothSignaturesAndEitherSecretVerifies() {
        String header = WebhookSignature.header("het-nieuwe-geheim-1", "het-oude-geheim-22", 1_700_000_000L, "{\"a\":1}");
        assertThat(header).isEqualTo(WebhookSignature.sign("het-nieuwe-geheim-1", 1_700_000_000L, "{\"a\":1}") + ", "
                + WebhookSignature.sign("het-oude-geheim-22", 1_700_000_000L, "{\"a\":1}"));
        assertThat(WebhookSignature.verify("het-nieuwe-geheim-1", "1700000000", "{\"a\":1}", header, 1_700_000_010L, 300)).isTrue();
        assertThat(WebhookSignature.verify("het-oude-geheim-22", "1700000000", "{\"a\":1}", header, 1_700_000_010L, 300)).isTrue();
        assertThat(WebhookSignature.verify("een-ander-geheim-3", "1700000000", "{\"a\":1}", header, 1_700_000_010L, 300)).isFalse();
        // without a rotation the header is what it always was: one entry
        assertThat(WebhookSignature.header("het-nieuwe-geheim-1", null, 1_700_000_000L, "{}")).doesNotContain(",");
    }

    @Test
    void deliveriesBackOffDoubling() {
        assertThat(WebhookPolicy.backoff(Duration.ofSeconds(10), 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(WebhookPolicy.backoff(Duration.ofSeconds(10), 3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(WebhookPolicy.backoff(Duration.ofSeconds(10), 20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void tenantFiguresReachPartnersOnlyWhenSurveysAreSharedAndOnlyTheCollaborationsCorporations() throws Exception {
        JsonNode event = new ObjectMapper().readTree("""
                {"areaCode": "BU09990101", "areaLevel": "neighbourhood", "version": 3, "changes": ["tenantExperience"],
                 "reason": "measurement x", "previousStatus": {"signals": []}, "status": {"signals": [], "priority": 0.1},
                 "previousTenantExperiences": {"corp-a": {"colour": "green"}, "corp-c": {"colour": "green"}},
                 "tenantExperiences": {"corp-a": {"colour": "red"}, "corp-c": {"colour": "green"}}}""");

        assertThat(new SharingScope(false, false, false).statusSignal(event, "corp-a", "/link")).isNull();
        JsonNode shared = new SharingScope(false, true, false).statusSignal(event, "corp-a", "/link");
        assertThat(shared.path("changes").toString()).isEqualTo("[\"tenantExperience\"]");
        assertThat(shared.path("current").path("tenantColour").asText()).isEqualTo("red");
        assertThat(shared.path("current").path("signals").toString()).isEqualTo("[\"tenant-red\"]");
        assertThat(shared.path("previous").path("tenantColour").asText()).isEqualTo("green");
        // corp-c's experience did not change: its collaborations hear nothing of corp-a's
        assertThat(new SharingScope(false, true, false).statusSignal(event, "corp-c", "/link")).isNull();
        // a corporation without figures in the area: nothing to show
        assertThat(new SharingScope(false, true, false).statusSignal(event, "corp-z", "/link")).isNull();
    }
}
