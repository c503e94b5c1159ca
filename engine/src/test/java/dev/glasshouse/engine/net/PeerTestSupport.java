package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.Vote;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.testing.LoopbackPorts;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Addresses, messages, receivers and a raw socket for the peer transport's tests; loopback only. */
final class PeerTestSupport {
    static final String LOOPBACK = "127.0.0.1";

    private PeerTestSupport() {
    }

    /** Members 1..count, each with two ports that were free a moment ago (peers must know them up front). */
    static Map<MemberId, PeerAddress> members(int count) {
        Map<MemberId, PeerAddress> members = new LinkedHashMap<>();
        int[] ports = LoopbackPorts.distinct(count * 2);
        for (int id = 1; id <= count; id++) {
            members.put(MemberId.of(id), PeerAddress.of(LOOPBACK, ports[2 * id - 2], ports[2 * id - 1]));
        }
        return members;
    }

    /**
     * Binds both ports of {@code address} without listening, until closed: dialling them is refused,
     * and the kernel cannot pick them as the source port of a dial, which to a free port on the same
     * host could connect a socket to itself.
     */
    static Closeable holdWithoutListening(PeerAddress address) throws IOException {
        Socket quorum = new Socket();
        Socket election = new Socket();
        try {
            quorum.bind(address.quorum());
            election.bind(address.election());
        } catch (IOException e) {
            quorum.close();
            election.close();
            throw e;
        }
        return () -> {
            quorum.close();
            election.close();
        };
    }

    static PeerEnvelope commit(long from, long to, long sequence) {
        return new PeerEnvelope.Replication(new ZabMessage.Commit(MemberId.of(from), MemberId.of(to),
                new Zxid(sequence)));
    }

    static PeerEnvelope notification(long from, long to, long sequence) {
        Vote vote = new Vote(MemberId.of(from), Zxid.ZERO, sequence, 0);
        return new PeerEnvelope.Replication(new Notification(MemberId.of(from), MemberId.of(to), vote, Role.LOOKING));
    }

    /** The sequence number that {@link #commit} or {@link #notification} put in a message. */
    static long sequence(PeerEnvelope envelope) {
        Object message = ((PeerEnvelope.Replication) envelope).message();
        return message instanceof Notification n ? n.vote().electionEpoch() : ((ZabMessage.Commit) message).zxid().value();
    }

    /** A receiver that queues what arrives, for the test thread to take with a deadline. */
    static final class Inbox implements PeerTransport.Receiver {
        private final BlockingQueue<PeerEnvelope> received = new LinkedBlockingQueue<>();

        @Override
        public void received(PeerEnvelope envelope) {
            received.add(envelope);
        }

        /** The next {@code count} messages, or fewer if they do not all arrive within five seconds. */
        List<PeerEnvelope> take(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<PeerEnvelope> messages = new ArrayList<>();
            while (messages.size() < count) {
                PeerEnvelope next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                messages.add(next);
            }
            return messages;
        }
    }

    /** A hand-driven peer connection, for handshakes and frames the real transport never sends. */
    static final class RawPeer implements AutoCloseable {
        private final Socket socket;
        private final DataOutputStream out;

        RawPeer(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.connect(address, 5_000);
            socket.setSoTimeout(5_000);
            out = new DataOutputStream(socket.getOutputStream());
        }

        RawPeer handshake(long member) throws IOException {
            return frame(new PeerHandshake(MemberId.of(member)).encode());
        }

        RawPeer frame(byte[] payload) throws IOException {
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
            return this;
        }

        /** True once the other side closed the connection; false if it stays open for five seconds. */
        boolean closedByAcceptor() throws IOException {
            try {
                return new DataInputStream(socket.getInputStream()).read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // A reset is a close too.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
