package dev.glasshouse.engine.tree;

import java.util.Arrays;
import java.util.Optional;

/**
 * An {@code ip} ACL id as ZooKeeper 3.9.4's {@code IPAuthenticationProvider} reads it: an IPv4
 * address ({@code 10.0.0.0/8}) or an IPv6 address in full or {@code ::}-compressed form
 * ({@code 2001:db8::/32}), each with an optional prefix length. Text containing a colon is read as
 * IPv6, other text with a dot as IPv4; numbers are parsed as Java parses them, so ZooKeeper's
 * quirks (a leading {@code +}) carry over. A pattern matches a client address of the same family
 * whose first {@code prefixBits} bits are equal. Immutable.
 */
public final class IpPattern {
    private final byte[] address;
    private final int prefixBits;

    private IpPattern(byte[] address, int prefixBits) {
        this.address = address;
        this.prefixBits = prefixBits;
    }

    public static Optional<IpPattern> parse(String text) {
        String[] parts = text.split("/", 2);
        Optional<byte[]> address = addressBytes(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int maxBits = address.get().length * 8;
        int bits = maxBits;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (bits < 0 || bits > maxBits) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpPattern(masked(address.get(), bits), bits));
    }

    /** Whether a client address (as {@code InetAddress.getHostAddress()} writes it) is inside this pattern. */
    public boolean matches(String clientAddress) {
        Optional<byte[]> client = addressBytes(clientAddress);
        return client.isPresent() && client.get().length == address.length
                && Arrays.equals(masked(client.get(), prefixBits), address);
    }

    public int prefixBits() {
        return prefixBits;
    }

    private static Optional<byte[]> addressBytes(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        if (text.indexOf('.') >= 0) {
            return ipv4(text);
        }
        return Optional.empty();
    }

    private static Optional<byte[]> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet;
            try {
                octet = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (octet < 0 || octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        return Optional.of(bytes);
    }

    // "::" may appear once and stands for at least one zero segment; without it there are exactly eight.
    private static Optional<byte[]> ipv6(String text) {
        String[] halves = text.split("::", -1);
        String[] head;
        String[] tail;
        if (halves.length == 1) {
            head = halves[0].split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return Optional.empty();
            }
        } else if (halves.length == 2) {
            head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
            tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
            if (head.length + tail.length >= 8) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        boolean ok = segments(bytes, 0, head) && segments(bytes, 16 - tail.length * 2, tail);
        return ok ? Optional.of(bytes) : Optional.empty();
    }

    private static boolean segments(byte[] bytes, int offset, String[] segments) {
        int at = offset;
        for (String segment : segments) {
            if (segment.isEmpty() || segment.length() > 4) {
                return false;
            }
            int value;
            try {
                value = Integer.parseInt(segment, 16);
            } catch (NumberFormatException e) {
                return false;
            }
            bytes[at++] = (byte) ((value >> 8) & 0xff);
            bytes[at++] = (byte) (value & 0xff);
        }
        return true;
    }

    private static byte[] masked(byte[] bytes, int bits) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            copy[i] = (byte) (copy[i] & (0xff << (8 - keep)));
        }
        return copy;
    }

    @Override
    public String toString() {
        return "IpPattern[" + Arrays.toString(address) + "/" + prefixBits + "]";
    }
}
