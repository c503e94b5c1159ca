package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import io.netty.channel.Channel;
import java.util.Map;
import java.util.Set;

/**
 * What every accepted peer connection of one transport shares: who this member is, which members
 * may connect, where their messages go, and the registry of connections that completed their
 * handshake (for {@link NettyPeerTransport#acceptedPeers()}).
 *
 * @param accepted a concurrent map, written by the connections' I/O threads
 * @param unprocessed messages handed to the receiver and not processed yet: above its limit, the
 *                    connection that delivers another stops reading until the member catches up
 */
record PeerAcceptRules(MemberId self, Set<MemberId> members, PeerTransport.Receiver receiver,
                       Map<Channel, MemberId> accepted, PeerLimits limits, RequestThrottle unprocessed) {
    PeerAcceptRules {
        members = Set.copyOf(members);
    }
}
