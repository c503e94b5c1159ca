package dev.glasshouse.engine.net;

import io.netty.bootstrap.Bootstrap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every outbound {@link PeerLink} of one transport shares.
 *
 * @param bootstrap the dialler, already set up with channel type, options and {@link PeerLinkInitializer};
 *                  each link clones it onto its own event loop
 * @param handshake the first frame of every connection: this member's id
 * @param dropped   the transport's count of messages that never reached a socket
 * @param closed    set once when the transport closes; links then drop instead of dialling
 */
record PeerLinkSettings(Bootstrap bootstrap, PeerHandshake handshake, PeerLimits limits, LongAdder dropped,
                        AtomicBoolean closed) {
}
