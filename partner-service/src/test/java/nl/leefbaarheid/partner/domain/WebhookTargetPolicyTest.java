package nl.leefbaarheid.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The webhook target policy without Quarkus and without DNS: host names resolve through this test's own table. */
class WebhookTargetPolicyTest {

    final Map<String, List<InetAddress>> dns = new HashMap<>();
    final List<String> lookedUp = new ArrayList<>();
    final HostResolver resolver = host -> {
        lookedUp.add(host);
        List<InetAddress> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses;
    };
    final WebhookTargetPolicy policy = new WebhookTargetPolicy(Set.of("127.0.0.1:8099", "[::1]:8100", "receiver.test:18099"), resolver);

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    String refusal(String url) {
        try {
            policy.check(url);
            return null;
        } catch (WebhookTargetPolicy.Refused refused) {
            return refused.reason();
        }
    }

    // --- the addresses of the report of issue 23, and every special-purpose block ----------------------------------------

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
            "https://169.254.169.254/latest/meta-data/ | metadata",
            "https://10.0.0.7/admin                     | private",
            "http://localhost:8082/api/v1/status-recalculations?municipality=GM0999 | https",
            "https://localhost:8082/api/v1/status-recalculations?municipality=GM0999 | loopback",
            "https://127.0.0.1:55432/x                  | loopback",
            "https://127.255.255.254/                   | loopback",
            "https://10.255.255.255/                    | private",
            "https://172.16.0.1/                        | private",
            "https://172.31.255.255/                    | private",
            "https://192.168.1.1/                       | private",
            "https://169.254.0.1/                       | link-local",
            "https://100.64.0.1/                        | carrier-grade NAT",
            "https://100.127.255.255/                   | carrier-grade NAT",
            "https://224.0.0.1/                         | multicast",
            "https://239.255.255.250/                   | multicast",
            "https://0.0.0.0/                           | unspecified",
            "https://0.1.2.3/                           | this network",
            "https://255.255.255.255/                   | broadcast",
            "https://240.0.0.1/                         | reserved",
            "https://192.0.0.8/                         | IETF protocol assignment",
            "https://192.0.2.10/                        | documentation",
            "https://198.51.100.7/                      | documentation",
            "https://203.0.113.9/                       | documentation",
            "https://198.18.0.1/                        | benchmarking",
            "https://198.19.255.255/                    | benchmarking",
            "https://192.88.99.1/                       | 6to4 relay",
            "https://192.31.196.1/                      | AS112",
            "https://192.52.193.1/                      | AMT",
            "https://192.175.48.1/                      | AS112",
            // IPv6
            "https://[::1]/                             | loopback",
            "https://[::]/                              | unspecified",
            "https://[fc00::1]/                         | unique local",
            "https://[fd12:3456:789a::1]/               | unique local",
            "https://[fe80::1]/                         | link-local",
            "https://[febf::1]/                         | link-local",
            "https://[fec0::1]/                         | site-local",
            "https://[ff02::1]/                         | multicast",
            "https://[2001:db8::1]/                     | documentation",
            "https://[3fff::1]/                         | documentation",
            "https://[100::1]/                          | discard",
            "https://[2001::1]/                         | Teredo",
            "https://[2001:2::1]/                       | IETF protocol assignment",
            "https://[2002:c0a8:0101::1]/               | 6to4",
            "https://[2002:0808:0808::1]/               | 6to4",
            "https://[64:ff9b:1::1]/                    | local-use NAT64",
            "https://[5f00::1]/                         | reserved",
            "https://[4000::1]/                         | reserved",
            // IPv4 inside IPv6
            "https://[::ffff:127.0.0.1]/                | loopback",
            "https://[::ffff:7f00:1]/                   | loopback",
            "https://[::ffff:a9fe:a9fe]/                | metadata",
            "https://[::ffff:10.0.0.7]/                 | private",
            "https://[0:0:0:0:0:ffff:c0a8:0001]/        | private",
            "https://[::127.0.0.1]/                     | IPv4-compatible",
            "https://[::7f00:1]/                        | IPv4-compatible",
            "https://[64:ff9b::10.0.0.7]/               | NAT64 address of 10.0.0.7, a private",
            "https://[64:ff9b::7f00:1]/                 | NAT64 address of 127.0.0.1, a loopback",
            "https://[64:ff9b::a9fe:a9fe]/              | metadata",
            // other spellings of IPv4
            "https://2130706433/                        | loopback",
            "https://0177.0.0.1/                        | loopback",
            "https://0x7f.0.0.1/                        | loopback",
            "https://0x7f000001/                        | loopback",
            "https://127.1/                             | loopback",
            "https://127.0.1/                           | loopback",
            "https://017700000001/                      | loopback",
            "https://0xa9.0xfe.0xa9.0xfe/               | metadata",
            "https://2852039166/                        | metadata",
            "https://10.7/                              | private",
            "https://0/                                 | unspecified",
            "https://127.0.0.1./                        | loopback",
            // names
            "https://LOCALHOST./                        | loopback name",
            "https://localhost/                         | loopback name",
            "https://LocalHost:8443/x                   | loopback name",
            "https://api.localhost/                     | loopback name",
            "https://x.y.LOCALHOST./                    | loopback name",
    })
    void forbiddenTargetsAreRefusedWithTheirReason(String url, String reason) {
        assertThat(refusal(url)).as(url).isNotNull().contains(reason);
        assertThat(lookedUp).as("a literal or a loopback name is never looked up").isEmpty();
    }

    @Test
    void aPublicAddressOrNameThatResolvesOnlyToPublicAddressesIsAllowed() throws Exception {
        dns.put("meldingen.gemeente-demostad.nl", List.of(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946")));
        WebhookTarget target = policy.check("https://Meldingen.Gemeente-Demostad.NL./leefbaarheid?bron=platform");
        assertThat(target.host()).isEqualTo("meldingen.gemeente-demostad.nl");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/leefbaarheid?bron=platform");
        assertThat(target.addresses()).containsExactly(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946"));
        assertThat(target.authority()).isEqualTo("meldingen.gemeente-demostad.nl");
        assertThat(policy.check("https://93.184.216.34:8443").addresses()).containsExactly(ip("93.184.216.34"));
        assertThat(policy.check("https://93.184.216.34:8443").pathAndQuery()).isEqualTo("/");
        assertThat(policy.check("https://[2606:2800:220:1:248:1893:25c8:1946]/x").authority())
                .isEqualTo("[2606:2800:220:1:248:1893:25c8:1946]");
        // IPv4-mapped and NAT64 forms of a public address are that public address
        assertThat(policy.check("https://[::ffff:93.184.216.34]/").addresses()).containsExactly(ip("93.184.216.34"));
        assertThat(refusal("https://[64:ff9b::5db8:d822]/")).isNull();
        // the edges of the blocks
        for (String outside : List.of("9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
                "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
                "1.1.1.1", "8.8.8.8")) {
            assertThat(refusal("https://" + outside + "/")).as(outside).isNull();
        }
    }

    @Test
    void everyResolvedAddressMustBeAllowed() {
        dns.put("half.example.nl", List.of(ip("93.184.216.34"), ip("10.0.0.7")));
        dns.put("metadata.example.nl", List.of(ip("169.254.169.254")));
        dns.put("v6.example.nl", List.of(ip("2606:2800:220:1::1"), ip("fd00::7")));
        dns.put("mapped.example.nl", List.of(ip("93.184.216.34"), ip("::1")));
        dns.put("empty.example.nl", List.of());
        assertThat(refusal("https://half.example.nl/hook")).isEqualTo(
                "half.example.nl resolves to 10.0.0.7, a private address (RFC 1918): webhooks may not reach it");
        assertThat(refusal("https://metadata.example.nl/")).contains("169.254.169.254", "metadata");
        assertThat(refusal("https://v6.example.nl/")).contains("fd00", "unique local");
        assertThat(refusal("https://mapped.example.nl/")).contains("loopback");
        assertThat(refusal("https://empty.example.nl/")).contains("does not resolve");
        assertThat(refusal("https://nowhere.example.nl/")).contains("does not resolve");
    }

    @Test
    void theAddressOfTheCheckIsTheOneADeliveryGets() throws Exception {
        dns.put("moving.example.nl", List.of(ip("93.184.216.34")));
        assertThat(policy.check("https://moving.example.nl/").addresses()).containsExactly(ip("93.184.216.34"));
        dns.put("moving.example.nl", List.of(ip("127.0.0.1")));
        assertThat(refusal("https://moving.example.nl/")).contains("resolves to 127.0.0.1", "loopback");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "http://meldingen.example.nl/hook           | must use https",
            "ftp://meldingen.example.nl/hook            | must use https",
            "https://user:pw@meldingen.example.nl/      | credentials",
            "https://user@meldingen.example.nl/         | credentials",
            "not a url                                  | not a URL",
            "/relative/path                             | absolute",
            "mailto:someone@example.nl                  | absolute",
            "https://meldingen.example.nl:0/            | port",
            "https://meldingen.example.nl:65536/        | port",
            "https://meldingen.example.nl:x/            | port",
            "https://[fe80::1%25eth0]/                  | zone",
            "https://a..b/                              | DNS name",
            "https://-a.example.nl/                     | DNS name",
            "https://1.2.3.256/                         | not a valid IPv4",
            "https://1.2.3.4.5/                         | not a valid IPv4",
            "https://example.123/                       | not a valid IPv4",
            "https://0x100.0.0.1/                       | not a valid IPv4",
            "https://093.184.216.34/                    | not a valid IPv4",
            "https://0x5d.0xb8.0xd8.0x22/               | four decimal numbers",
            "https://1572395042/                        | four decimal numbers",
            "https://93.184.55330/                      | four decimal numbers",
    })
    void malformedUrlsAreRefusedAsWritten(String url, String reason) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(WebhookTargetPolicy.Refused.class)
                .satisfies(e -> assertThat(((WebhookTargetPolicy.Refused) e).reason()).contains(reason));
    }

    @Test
    void addressRefusalsAreNotMalformedUrls() {
        assertThatThrownBy(() -> policy.check("https://10.0.0.7/")).isInstanceOf(WebhookTargetPolicy.Refused.class)
                .satisfies(e -> assertThat(((WebhookTargetPolicy.Refused) e).malformed()).isFalse());
        assertThatThrownBy(() -> policy.check("http://10.0.0.7/")).isInstanceOf(WebhookTargetPolicy.Refused.class)
                .satisfies(e -> assertThat(((WebhookTargetPolicy.Refused) e).malformed()).isTrue());
    }

    @Test
    void exactlyTheAllowListedHostAndPortPairsAreExemptAndMayUsePlainHttp() throws Exception {
        WebhookTarget receiver = policy.check("http://127.0.0.1:8099/gemeente-demostad");
        assertThat(receiver.allowListed()).isTrue();
        assertThat(receiver.https()).isFalse();
        assertThat(receiver.addresses()).containsExactly(ip("127.0.0.1"));
        assertThat(receiver.authority()).isEqualTo("127.0.0.1:8099");
        assertThat(policy.check("https://127.0.0.1:8099/").allowListed()).isTrue();
        assertThat(policy.check("http://[::1]:8100/").addresses()).containsExactly(ip("::1"));
        dns.put("receiver.test", List.of(ip("127.0.0.1")));
        assertThat(policy.check("http://RECEIVER.test.:18099/x").addresses()).containsExactly(ip("127.0.0.1"));
        // another port, another spelling or another name of the same address is not on the list
        assertThat(refusal("http://127.0.0.1:8098/")).contains("https");
        assertThat(refusal("https://127.0.0.1:8098/")).contains("loopback");
        assertThat(refusal("https://127.0.0.1/")).contains("loopback");
        assertThat(refusal("https://localhost:8099/")).contains("loopback name");
        assertThat(refusal("https://127.1:8099/")).contains("loopback");
        assertThat(refusal("https://[::ffff:127.0.0.1]:8099/")).contains("loopback");
        assertThat(refusal("https://[::1]:8099/")).contains("loopback");
        assertThat(refusal("https://receiver.test:18100/")).contains("loopback");
        // credentials stay refused, even to an allowed target
        assertThat(refusal("http://user:pw@127.0.0.1:8099/")).contains("credentials");
    }

    @Test
    void theAllowListIsEmptyByDefaultAndMalformedEntriesStopTheService() {
        WebhookTargetPolicy strict = new WebhookTargetPolicy(Set.of(), resolver);
        assertThatThrownBy(() -> strict.check("http://127.0.0.1:8099/")).isInstanceOf(WebhookTargetPolicy.Refused.class);
        assertThatThrownBy(() -> new WebhookTargetPolicy(Set.of("127.0.0.1"), resolver)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookTargetPolicy(Set.of("::1:8099"), resolver)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f.1", "127.1", "0x7F000001", "017700000001" })
    void everySpellingOfLoopbackIsOneAddress(String spelling) {
        assertThat(Ipv4Spelling.parse(spelling)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(127, 0, 0, 1));
    }

    @Test
    void onlyFourDecimalNumbersAreTheOrdinarySpelling() {
        assertThat(Ipv4Spelling.canonical("93.184.216.34")).isTrue();
        assertThat(Ipv4Spelling.canonical("0.0.0.0")).isTrue();
        assertThat(Ipv4Spelling.canonical("093.184.216.34")).isFalse();
        assertThat(Ipv4Spelling.canonical("93.184.55330")).isFalse();
        assertThat(Ipv4Spelling.parse("256.0.0.1")).isEmpty();
        assertThat(Ipv4Spelling.parse("08.0.0.1")).isEmpty();
        assertThat(Ipv4Spelling.parse("4294967296")).isEmpty();
        assertThat(Ipv4Spelling.parse("1.2.3.4.5")).isEmpty();
    }
}
