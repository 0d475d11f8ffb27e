package nl.leefbaarheid.partner.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook may never reach: every block of IANA's IPv4 and IPv6 special-purpose address registries
 * (loopback, private, link-local with the cloud metadata address, carrier-grade NAT, documentation, benchmarking,
 * protocol assignments, 6to4, Teredo, ...), multicast, the reserved 240.0.0.0/4 with the broadcast address, and every
 * IPv6 address outside global unicast (2000::/3). IPv4 written inside IPv6 (IPv4-mapped, NAT64's well-known prefix) is
 * judged as the IPv4 address it carries, so {@code ::ffff:127.0.0.1} is as loopback as {@code 127.0.0.1}.
 */
public final class SpecialAddresses {

    private record Block(byte[] prefix, int bits, String what) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    // Order matters: the first block that contains an address names it.
    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/32", "the unspecified address"),
            block("0.0.0.0/8", "a \"this network\" address (0.0.0.0/8)"),
            block("10.0.0.0/8", "a private address (RFC 1918)"),
            block("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)"),
            block("127.0.0.0/8", "a loopback address"),
            block("169.254.169.254/32", "the cloud metadata address (link-local)"),
            block("169.254.0.0/16", "a link-local address"),
            block("172.16.0.0/12", "a private address (RFC 1918)"),
            block("192.0.0.0/24", "an IETF protocol assignment (192.0.0.0/24)"),
            block("192.0.2.0/24", "a documentation address (192.0.2.0/24)"),
            block("192.31.196.0/24", "an AS112 address (192.31.196.0/24)"),
            block("192.52.193.0/24", "an AMT address (192.52.193.0/24)"),
            block("192.88.99.0/24", "a 6to4 relay anycast address (192.88.99.0/24)"),
            block("192.168.0.0/16", "a private address (RFC 1918)"),
            block("192.175.48.0/24", "an AS112 address (192.175.48.0/24)"),
            block("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
            block("198.51.100.0/24", "a documentation address (198.51.100.0/24)"),
            block("203.0.113.0/24", "a documentation address (203.0.113.0/24)"),
            block("224.0.0.0/4", "a multicast address"),
            block("255.255.255.255/32", "the broadcast address"),
            block("240.0.0.0/4", "a reserved address (240.0.0.0/4)"));

    private static final Block IPV4_MAPPED = block("::ffff:0:0/96", "an IPv4-mapped address");
    private static final Block NAT64 = block("64:ff9b::/96", "a NAT64 address");

    private static final List<Block> IPV6 = List.of(
            block("::/128", "the unspecified address"),
            block("::1/128", "a loopback address"),
            block("::/96", "an IPv4-compatible address (deprecated)"),
            block("64:ff9b:1::/48", "a local-use NAT64 address (64:ff9b:1::/48)"),
            block("100::/64", "a discard-only address (100::/64)"),
            block("2001::/32", "a Teredo address (2001::/32)"),
            block("2001:db8::/32", "a documentation address (2001:db8::/32)"),
            block("2001::/23", "an IETF protocol assignment (2001::/23)"),
            block("2002::/16", "a 6to4 address (2002::/16)"),
            block("3fff::/20", "a documentation address (3fff::/20)"),
            block("fc00::/7", "a unique local address (fc00::/7)"),
            block("fe80::/10", "a link-local address (fe80::/10)"),
            block("fec0::/10", "a site-local address (fec0::/10, deprecated)"),
            block("ff00::/8", "a multicast address"));

    private static final Block GLOBAL_UNICAST = block("2000::/3", "global unicast");

    private SpecialAddresses() {
    }

    /** What makes the address unfit for a webhook ("a loopback address"), or empty when it may be reached. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return first(IPV4, bytes);
        }
        for (Block embedding : List.of(IPV4_MAPPED, NAT64)) {
            if (embedding.contains(bytes)) {
                byte[] v4 = Arrays.copyOfRange(bytes, 12, 16);
                return first(IPV4, v4).map(what -> embedding.what() + " of " + text(v4) + ", " + what);
            }
        }
        Optional<String> special = first(IPV6, bytes);
        if (special.isPresent() || GLOBAL_UNICAST.contains(bytes)) {
            return special;
        }
        return Optional.of("a reserved address (outside global unicast 2000::/3)");
    }

    private static Optional<String> first(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(b -> b.contains(address)).map(Block::what).findFirst();
    }

    private static String text(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }

    private static Block block(String cidr, String what) {
        String[] parts = cidr.split("/");
        try {
            // literals only: InetAddress.getByName never looks these up
            byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
            if (parts[0].contains(":") && prefix.length == 4) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address; the block is about the IPv6 form
                prefix = ipv4Mapped(prefix);
            }
            return new Block(prefix, Integer.parseInt(parts[1]), what);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    private static byte[] ipv4Mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }
}
