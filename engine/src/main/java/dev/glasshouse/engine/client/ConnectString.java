package dev.glasshouse.engine.client;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed ZooKeeper connect string: {@code host:port,host:port/chroot}. A host without a port
 * uses 2181; IPv6 literals are written in brackets ({@code [::1]:2181}). The chroot is empty when
 * the string has none (or names the root); otherwise it is a valid absolute path without a
 * trailing slash. Immutable.
 */
public record ConnectString(List<InetSocketAddress> hosts, String chroot) {
    public static final int DEFAULT_PORT = 2181;

    public ConnectString {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("A connect string needs at least one host");
        }
    }

    /**
     * Parses a connect string.
     *
     * @throws IllegalArgumentException naming the part that is malformed
     */
    public static ConnectString parse(String text) {
        int slash = text.indexOf('/');
        String hostPart = slash < 0 ? text : text.substring(0, slash);
        String chroot = slash < 0 ? "" : parseChroot(text.substring(slash));
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String host : hostPart.split(",")) {
            String trimmed = host.trim();
            if (!trimmed.isEmpty()) {
                hosts.add(parseHost(trimmed));
            }
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("Connect string '" + text + "' names no host");
        }
        return new ConnectString(hosts, chroot);
    }

    private static String parseChroot(String path) {
        if (path.equals("/")) {
            return "";
        }
        ZnodePath.validate(path);
        return path;
    }

    private static InetSocketAddress parseHost(String host) {
        int portStart;
        String name;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed IPv6 literal in host '" + host + "'");
            }
            name = host.substring(1, close);
            portStart = host.length() > close + 1 && host.charAt(close + 1) == ':' ? close + 2 : -1;
        } else {
            int colon = host.lastIndexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            portStart = colon < 0 ? -1 : colon + 1;
        }
        int port = portStart < 0 ? DEFAULT_PORT : parsePort(host, host.substring(portStart));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Missing host name in '" + host + "'");
        }
        return InetSocketAddress.createUnresolved(name, port);
    }

    private static int parsePort(String host, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("Port out of range in host '" + host + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad port in host '" + host + "'", e);
        }
    }
}
