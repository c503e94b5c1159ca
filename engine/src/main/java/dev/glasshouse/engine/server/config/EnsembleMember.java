package dev.glasshouse.engine.server.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One member of an ensemble as a {@code server.N} line of {@code zoo.cfg} describes it:
 * {@code server.N=host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]}.
 * Immutable.
 *
 * @param id           the member id N (1..255), which is also what that member's {@code myid} file holds
 * @param host         where the other members reach it, as written (a name or an address, IPv6 without brackets)
 * @param quorumPort   the port followers and observers connect to when it leads (usually 2888)
 * @param electionPort the port leader election connects to (usually 3888)
 * @param observer     true for an observer, which replicates but never votes; false for a participant
 * @param clientPort   the client port written after {@code ;} on the line, if any
 * @param clientHost   the client address written before that port, if any
 */
public record EnsembleMember(int id, String host, int quorumPort, int electionPort, boolean observer,
                             OptionalInt clientPort, Optional<String> clientHost) {
    public EnsembleMember {
        checkArgument(id >= 1 && id <= ZooCfgParser.MAX_MY_ID, "member id " + id + " is not from 1 to 255");
        checkArgument(!host.isBlank(), "member " + id + " has no host");
        checkArgument(isPort(quorumPort) && isPort(electionPort), "member " + id + " has ports " + quorumPort
                + " and " + electionPort + ", not from 1 to 65535");
        checkArgument(clientPort.stream().allMatch(EnsembleMember::isPort), "member " + id + " has client port "
                + clientPort + ", not from 1 to 65535");
        checkArgument(clientHost.isEmpty() || clientPort.isPresent(), "member " + id + " has a client host but no port");
    }

    /** A participant: it votes in elections and its acknowledgements count towards a quorum. */
    public boolean participant() {
        return !observer;
    }

    static boolean isPort(int port) {
        return port >= 1 && port <= 65_535;
    }

    private static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
