package nl.leefbaarheid.partner.domain;

import java.util.Optional;

/**
 * IPv4 addresses as C's inet_aton and browsers read them, not only as four decimal numbers: one to four parts, each
 * decimal, octal (a leading 0) or hexadecimal (0x), the last part filling the remaining bytes. So 2130706433,
 * 0177.0.0.1, 0x7f.0.0.1 and 127.1 are all 127.0.0.1, and a webhook policy that read them as host names would be fooled.
 */
public final class Ipv4Spelling {

    private Ipv4Spelling() {
    }

    /** The four bytes the text spells, or empty when it is no IPv4 address in any of these spellings. */
    public static Optional<byte[]> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long value = number(parts[i]);
            if (value == null) {
                return Optional.empty();
            }
            values[i] = value;
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
        }
        int lastBytes = 5 - values.length;
        long last = values[values.length - 1];
        if (last >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        byte[] address = new byte[4];
        for (int i = 0; i < values.length - 1; i++) {
            address[i] = (byte) values[i];
        }
        for (int i = 0; i < lastBytes; i++) {
            address[3 - i] = (byte) (last >>> (8 * i));
        }
        return Optional.of(address);
    }

    /** Whether the text is the one ordinary spelling: four decimal numbers without leading zeros. */
    public static boolean canonical(String text) {
        return text.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}") && parse(text).isPresent();
    }

    private static Long number(String part) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                String digits = part.substring(2);
                return digits.isEmpty() ? 0L : digits.length() > 8 ? null : Long.parseLong(digits, 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() > 12 ? null : Long.parseLong(part.substring(1), 8);
            }
            return part.isEmpty() || part.length() > 10 ? null : Long.parseLong(part);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
