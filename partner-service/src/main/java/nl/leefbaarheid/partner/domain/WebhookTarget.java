package nl.leefbaarheid.partner.domain;

import java.net.InetAddress;
import java.util.List;

/**
 * A webhook URL that passed the target policy, with the addresses it was checked at: a delivery connects to one of
 * these and to nothing else, so a DNS answer that changes after the check cannot send it elsewhere.
 *
 * @param host the host as the URL names it (lower case, no trailing dot; an IPv6 literal without brackets): the
 *             Host header, the TLS server name and the name the certificate must carry
 * @param pathAndQuery what follows the authority, at least "/"
 */
public record WebhookTarget(String scheme, String host, int port, String pathAndQuery, List<InetAddress> addresses,
        boolean allowListed) {

    public boolean https() {
        return scheme.equals("https");
    }

    /** The Host header: the port only when it is not the scheme's own. */
    public String authority() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == (https() ? 443 : 80) ? name : name + ":" + port;
    }
}
