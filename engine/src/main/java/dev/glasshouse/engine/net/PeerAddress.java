package dev.glasshouse.engine.net;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where one ensemble member listens for the others ({@code server.N=host:quorumPort:electionPort}
 * in zoo.cfg): ZAB's packets and learners' requests go to {@code quorum}, election notifications
 * to {@code election}, so a slow synchronization never delays an election. Immutable.
 */
public record PeerAddress(InetSocketAddress quorum, InetSocketAddress election) {
    public PeerAddress {
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(election, "election");
    }

    /** Both ports on one host. */
    public static PeerAddress of(String host, int quorumPort, int electionPort) {
        return new PeerAddress(new InetSocketAddress(host, quorumPort), new InetSocketAddress(host, electionPort));
    }
}
