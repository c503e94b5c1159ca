package dev.glasshouse.engine.tree;

import java.util.Optional;

/**
 * An {@code ip} ACL id: an IPv4 address with an optional prefix length ({@code 10.0.0.0/8}).
 * IPv6 ids match only their exact textual form.
 */
public record IpPattern(String text, long address, int prefixBits, boolean ipv4) {

    public static Optional<IpPattern> parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        Optional<Long> v4 = parseIpv4(host);
        if (v4.isEmpty()) {
            return host.contains(":") && slash < 0 ? Optional.of(new IpPattern(text, 0, 128, false)) : Optional.empty();
        }
        int bits = 32;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (bits < 0 || bits > 32) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpPattern(text, v4.get(), bits, true));
    }

    public boolean matches(String clientAddress) {
        if (!ipv4) {
            return text.equalsIgnoreCase(clientAddress);
        }
        Optional<Long> client = parseIpv4(clientAddress);
        if (client.isEmpty()) {
            return false;
        }
        long mask = prefixBits == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixBits)) & 0xFFFF_FFFFL;
        return (client.get() & mask) == (address & mask);
    }

    private static Optional<Long> parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }
}
