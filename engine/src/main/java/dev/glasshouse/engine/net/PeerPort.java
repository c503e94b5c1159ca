package dev.glasshouse.engine.net;

import java.net.InetSocketAddress;

/** The two ports a member listens on for its peers, and which traffic each carries. */
enum PeerPort {
    QUORUM,
    ELECTION;

    static PeerPort of(PeerEnvelope envelope) {
        return envelope.isElection() ? ELECTION : QUORUM;
    }

    InetSocketAddress address(PeerAddress address) {
        return this == ELECTION ? address.election() : address.quorum();
    }
}
