package nl.leefbaarheid.partner.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a webhook may send signals, checked when it is subscribed and again before every delivery: an {@code https}
 * URL without credentials whose host is, and resolves only to, addresses outside {@link SpecialAddresses}. A host
 * name resolves through the {@link HostResolver}; if any one of its addresses is refused, the target is. The
 * {@code host:port} pairs an operator lists (local runs, tests) skip the address rules and may use plain {@code http}.
 */
public final class WebhookTargetPolicy {

    /** Why a URL may not receive signals. {@code malformed} marks a URL that is wrong as written (400), not where it goes (422). */
    public static final class Refused extends Exception {
        private final boolean malformed;

        Refused(String reason, boolean malformed) {
            super(reason, null, false, false);
            this.malformed = malformed;
        }

        public String reason() {
            return getMessage();
        }

        public boolean malformed() {
            return malformed;
        }
    }

    private static final Pattern HOST_NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    /** A last label like these makes a host an IPv4 address as browsers and C libraries read it (127.1, 0x7f.1, 2130706433). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private final Set<String> allowedTargets;
    private final HostResolver resolver;

    /** @param allowedTargets {@code host:port} pairs exempt from the address rules, e.g. {@code 127.0.0.1:8099} or {@code [::1]:8099} */
    public WebhookTargetPolicy(Set<String> allowedTargets, HostResolver resolver) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String target : allowedTargets) {
            normalised.add(allowListEntry(target));
        }
        this.allowedTargets = Set.copyOf(normalised);
        this.resolver = resolver;
    }

    public WebhookTarget check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw malformed("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw malformed("must be an absolute URL with a host");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw malformed("must use https");
        }
        String authority = uri.getRawAuthority();
        if (authority.contains("@")) {
            throw malformed("must not contain credentials");
        }
        String rawHost;
        String rawPort;
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            if (end < 0 || (end + 1 < authority.length() && authority.charAt(end + 1) != ':')) {
                throw malformed("has a malformed IPv6 address");
            }
            rawHost = authority.substring(0, end + 1);
            rawPort = end + 1 < authority.length() ? authority.substring(end + 2) : "";
        } else {
            int colon = authority.lastIndexOf(':');
            rawHost = colon < 0 ? authority : authority.substring(0, colon);
            rawPort = colon < 0 ? "" : authority.substring(colon + 1);
        }
        int port = port(rawPort, scheme);
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && !host.startsWith("[")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean allowListed = allowedTargets.contains(pair(host, port));
        if (!scheme.equals("https") && !allowListed) {
            throw malformed("must use https (plain http only to the targets an operator allows, for local runs)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        List<InetAddress> addresses = addresses(host, allowListed);
        return new WebhookTarget(scheme, host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port, pathAndQuery,
                addresses, allowListed);
    }

    private List<InetAddress> addresses(String host, boolean allowListed) throws Refused {
        if (host.startsWith("[")) {
            InetAddress address = ipv6Literal(host.substring(1, host.length() - 1));
            return allowed(host, true, List.of(address), allowListed);
        }
        if (host.isEmpty() || !HOST_NAME.matcher(host).matches()) {
            throw malformed("must name a host by a DNS name (in ASCII, xn-- for other letters) or an IP address");
        }
        String lastLabel = host.substring(host.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches()) {
            byte[] bytes = Ipv4Spelling.parse(host).orElseThrow(() -> malformed("is not a valid IPv4 address"));
            InetAddress address = ipv4(bytes);
            List<InetAddress> checked = allowed(host, true, List.of(address), allowListed);
            if (!Ipv4Spelling.canonical(host)) {
                // other programs read such spellings differently (octal or not): only one way to write an address
                throw malformed("must write an IPv4 address as four decimal numbers (" + address.getHostAddress() + ")");
            }
            return checked;
        }
        if (!allowListed && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw new Refused(host + " is a loopback name: webhooks may not reach it", false);
        }
        List<InetAddress> resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused(host + " does not resolve", false);
        }
        if (resolved == null || resolved.isEmpty()) {
            throw new Refused(host + " does not resolve", false);
        }
        return allowed(host, false, resolved, allowListed);
    }

    private static List<InetAddress> allowed(String host, boolean literal, List<InetAddress> addresses, boolean allowListed)
            throws Refused {
        if (allowListed) {
            return List.copyOf(addresses);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = SpecialAddresses.refusal(address);
            if (refusal.isPresent()) {
                String text = address.getHostAddress();
                String which = !literal ? host + " resolves to " + text + ", "
                        : host.equals(text) ? host + " is " : host + " is " + text + ", ";
                throw new Refused(which + refusal.get() + ": webhooks may not reach it", false);
            }
        }
        return List.copyOf(addresses);
    }

    private static InetAddress ipv6Literal(String literal) throws Refused {
        if (!literal.matches("[0-9a-f:.]+")) {
            // a zone id (fe80::1%eth0) or anything else that is no plain address
            throw malformed("has an IPv6 address with a zone or other characters");
        }
        try {
            return InetAddress.getByName(literal); // contains ':' so it is parsed, never looked up
        } catch (UnknownHostException e) {
            throw malformed("has a malformed IPv6 address");
        }
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int port(String text, String scheme) throws Refused {
        if (text.isEmpty()) {
            return scheme.equals("https") ? 443 : 80;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw malformed("has an invalid port");
        }
        return Integer.parseInt(text);
    }

    private static String pair(String host, int port) {
        return host + ":" + port;
    }

    private static String allowListEntry(String entry) {
        String text = entry.strip().toLowerCase(Locale.ROOT);
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.substring(colon + 1).matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("partner.webhooks.allowed-targets: '" + entry + "' is not host:port");
        }
        String host = text.substring(0, colon);
        if (host.contains(":") && !host.startsWith("[")) {
            throw new IllegalArgumentException("partner.webhooks.allowed-targets: write an IPv6 address in brackets: " + entry);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return pair(host, Integer.parseInt(text.substring(colon + 1)));
    }

    private static Refused malformed(String reason) {
        return new Refused(reason, true);
    }

}
