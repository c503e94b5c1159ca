package dev.glasshouse.engine.server.config;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the value of one {@code server.N} line,
 * {@code host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]}, as
 * ZooKeeper 3.9's {@code QuorumServer} does: IPv6 hosts in brackets, the role in any case, blanks
 * around parts ignored. Several {@code |}-separated addresses ({@code multiAddress.enabled}) are
 * not supported and are refused. A bad value is a {@link ConfigException} naming file, line and key
 * and saying which part is wrong. Stateless.
 */
final class ServerLineSyntax {
    static final String FORM = "host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort],"
            + " such as zk1:2888:3888;2181";

    private ServerLineSyntax() {
    }

    /** A host and what followed it after a colon. */
    private record HostAndRest(String host, String rest) {
    }

    static EnsembleMember parse(Settings settings, Setting setting, int id) throws ConfigException {
        String value = setting.value();
        int semicolon = value.indexOf(';');
        String server = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        if (server.contains("|")) {
            throw bad(settings, setting, "several addresses separated by | are not supported; give one address");
        }
        HostAndRest address = split(settings, setting, server, "member address");
        String[] parts = address.rest().split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw bad(settings, setting, "it needs a host, a quorum port and an election port separated by colons");
        }
        int quorumPort = port(settings, setting, parts[0], "quorum port");
        int electionPort = port(settings, setting, parts[1], "election port");
        boolean observer = parts.length == 3 && observer(settings, setting, parts[2]);
        if (semicolon < 0) {
            return new EnsembleMember(id, address.host(), quorumPort, electionPort, observer, OptionalInt.empty(),
                    Optional.empty());
        }
        String client = value.substring(semicolon + 1).strip();
        if (client.isEmpty()) {
            throw bad(settings, setting, "nothing follows ;, where the client port belongs");
        }
        Optional<String> clientHost = Optional.empty();
        String clientPort = client;
        if (client.startsWith("[") || client.indexOf(':') >= 0) {
            HostAndRest clientAddress = split(settings, setting, client, "client address");
            clientHost = Optional.of(clientAddress.host());
            clientPort = clientAddress.rest();
        }
        return new EnsembleMember(id, address.host(), quorumPort, electionPort, observer,
                OptionalInt.of(port(settings, setting, clientPort, "client port")), clientHost);
    }

    /** Splits {@code host:rest}, where the host may be an IPv6 address in brackets. */
    private static HostAndRest split(Settings settings, Setting setting, String text, String what)
            throws ConfigException {
        int colon;
        String host;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw bad(settings, setting, "the " + what + " opens [ but never closes it");
            }
            host = text.substring(1, close);
            colon = close + 1;
            if (colon >= text.length() || text.charAt(colon) != ':') {
                throw bad(settings, setting, "a port must follow the bracketed " + what + " after a colon");
            }
        } else {
            // The client part is [host:]port, so an unbracketed IPv6 client address ends at its last colon.
            colon = what.equals("client address") ? text.lastIndexOf(':') : text.indexOf(':');
            host = text.substring(0, Math.max(colon, 0));
        }
        if (host.isBlank()) {
            throw bad(settings, setting, "the " + what + " has no host");
        }
        return new HostAndRest(host.strip(), text.substring(colon + 1));
    }

    private static int port(Settings settings, Setting setting, String text, String what) throws ConfigException {
        long port = ValueType.parseLong(text.strip()).orElse(-1);
        if (port < 1 || port > 65_535) {
            throw bad(settings, setting, "the " + what + " \"" + text.strip() + "\" is not a number from 1 to 65535");
        }
        return (int) port;
    }

    private static boolean observer(Settings settings, Setting setting, String text) throws ConfigException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "observer" -> true;
            case "participant" -> false;
            default -> throw bad(settings, setting, "the role \"" + text.strip()
                    + "\" is neither participant nor observer");
        };
    }

    private static ConfigException bad(Settings settings, Setting setting, String problem) {
        return settings.invalid(setting, FORM + " (" + problem + ")");
    }
}
