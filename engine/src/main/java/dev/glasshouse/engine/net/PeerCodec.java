package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.Vote;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.SyncPoint;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.WireFormatException;

/**
 * The bytes of one {@link PeerEnvelope}: the payload of one peer frame (the 4-byte length prefix
 * belongs to the transport). The peer protocol is ours, so the layout is chosen for easy checking,
 * not for ZooKeeper compatibility. Stateless and thread-safe.
 *
 * <p>Layout, in Jute's encoding ({@link JuteOutput}: big-endian {@code int}/{@code long}, and
 * {@code buffer := length:int bytes}, where this codec never writes or accepts length -1):
 * <pre>
 * envelope := tag:int from:long to:long body          (from and to are member ids)
 * zxid     := long
 * proposal := zxid payload:buffer                      (zxid with a non-zero epoch and counter)
 *
 * tag  record                    body
 *   1  Notification              leader:long zxid electionEpoch:long peerEpoch:long role:int
 *                                (role 0 LOOKING, 1 FOLLOWING, 2 LEADING, 3 OBSERVING)
 *  10  ZabMessage.FollowerInfo   acceptedEpoch:long
 *  11  ZabMessage.LeaderInfo     epoch:long
 *  12  ZabMessage.AckEpoch       epoch:long currentEpoch:long lastZxid:zxid
 *  13  ZabMessage.SyncLog        epoch:long mode:int truncateTo:zxid count:int proposal{count} image:buffer
 *                                (mode 0 DIFF, 1 TRUNC, 2 SNAP; image, the leader's state at truncateTo,
 *                                only with SNAP, length -1 otherwise)
 *  14  ZabMessage.NewLeader      epoch:long lastZxid:zxid
 *  15  ZabMessage.NewLeaderAck   epoch:long lastZxid:zxid
 *  16  ZabMessage.UpToDate       epoch:long committedThrough:zxid
 *  17  ZabMessage.Propose        proposal
 *  18  ZabMessage.Ack            zxid
 *  19  ZabMessage.Commit         zxid
 *  20  ZabMessage.Inform         proposal
 *  21  ZabMessage.Ping           epoch:long round:long
 *  30  ToLeader OpenSession      sessionId:long timeoutMillis:int password:buffer
 *  31  ToLeader Write            sessionId:long cxid:int type:int body:buffer count:int identity{count}
 *                                (body holds the request record of opcode type, as the client
 *                                protocol lays it out; identity := scheme:ustring id:ustring)
 *  32  ToLeader Sync             sessionId:long cxid:int
 *  33  ToLeader Touches          count:int sessionId:long{count}
 *  40  SyncReached               sessionId:long cxid:int zxid:long
 * </pre>
 *
 * <p>{@link #decode} accepts exactly one envelope: an unknown tag or code, a field cut short, a
 * length or count larger than the bytes left, or bytes after the envelope fail with
 * {@link WireFormatException}, so a forged length can never make the reader allocate memory.
 */
public final class PeerCodec {
    static final int NOTIFICATION = 1;
    static final int SYNC_REACHED = 40;

    private PeerCodec() {
    }

    /**
     * The payload of the frame that carries {@code envelope}.
     *
     * @throws IllegalArgumentException if a forwarded write names an opcode the client protocol lacks
     */
    public static byte[] encode(PeerEnvelope envelope) {
        JuteOutput out = new JuteOutput();
        if (envelope instanceof PeerEnvelope.Replication replication) {
            if (replication.message() instanceof Notification notification) {
                writeNotification(notification, out);
            } else {
                ZabCodec.write((ZabMessage) replication.message(), out);
            }
        } else if (envelope instanceof PeerEnvelope.ToLeader toLeader) {
            LeaderRequestCodec.write(toLeader, out);
        } else {
            SyncPoint point = ((PeerEnvelope.SyncReached) envelope).point();
            header(SYNC_REACHED, envelope.from(), envelope.to(), out);
            out.writeLong(point.sessionId()).writeInt(point.cxid()).writeLong(point.zxid());
        }
        return out.toByteArray();
    }

    /**
     * The envelope that {@code frame} holds, which must be all of it.
     *
     * @throws WireFormatException if the bytes are not exactly one envelope
     */
    public static PeerEnvelope decode(byte[] frame) {
        JuteInput in = JuteInput.of(frame);
        int tag = in.readInt();
        MemberId from = MemberId.of(in.readLong());
        MemberId to = MemberId.of(in.readLong());
        PeerEnvelope envelope = switch (tag) {
            case NOTIFICATION -> new PeerEnvelope.Replication(readNotification(from, to, in));
            case ZabCodec.FOLLOWER_INFO, ZabCodec.LEADER_INFO, ZabCodec.ACK_EPOCH, ZabCodec.SYNC_LOG,
                    ZabCodec.NEW_LEADER, ZabCodec.NEW_LEADER_ACK, ZabCodec.UP_TO_DATE, ZabCodec.PROPOSE,
                    ZabCodec.ACK, ZabCodec.COMMIT, ZabCodec.INFORM, ZabCodec.PING ->
                    new PeerEnvelope.Replication(ZabCodec.read(tag, from, to, in));
            case LeaderRequestCodec.OPEN_SESSION, LeaderRequestCodec.WRITE, LeaderRequestCodec.SYNC,
                    LeaderRequestCodec.TOUCHES -> new PeerEnvelope.ToLeader(from, to, LeaderRequestCodec.read(tag, in));
            case SYNC_REACHED -> new PeerEnvelope.SyncReached(from, to,
                    new SyncPoint(in.readLong(), in.readInt(), in.readLong()));
            default -> throw new WireFormatException("unknown peer message tag " + tag);
        };
        requireEnd(in, "peer message with tag " + tag);
        return envelope;
    }

    /** Writes the fields every envelope starts with. */
    static JuteOutput header(int tag, MemberId from, MemberId to, JuteOutput out) {
        return out.writeInt(tag).writeLong(from.value()).writeLong(to.value());
    }

    static void requireEnd(JuteInput in, String what) {
        if (in.hasRemaining()) {
            throw new WireFormatException(in.remaining() + " unexpected bytes after " + what);
        }
    }

    /** The element count of a list, which this protocol never writes as null (-1). */
    static int readCount(JuteInput in, String what, int minElementBytes) {
        int count = in.readCount(what, minElementBytes);
        if (count < 0) {
            throw new WireFormatException(what + " count -1; this protocol has no null lists");
        }
        return count;
    }

    /** A buffer that must be present: this protocol has no null buffers. */
    static byte[] readBytes(JuteInput in, String what) {
        byte[] bytes = in.readBuffer();
        if (bytes == null) {
            throw new WireFormatException("missing " + what + " (length -1)");
        }
        return bytes;
    }

    private static void writeNotification(Notification notification, JuteOutput out) {
        Vote vote = notification.vote();
        header(NOTIFICATION, notification.from(), notification.to(), out)
                .writeLong(vote.leader().value())
                .writeLong(vote.zxid().value())
                .writeLong(vote.electionEpoch())
                .writeLong(vote.peerEpoch())
                .writeInt(roleCode(notification.state()));
    }

    private static Notification readNotification(MemberId from, MemberId to, JuteInput in) {
        Vote vote = new Vote(MemberId.of(in.readLong()), new Zxid(in.readLong()), in.readLong(), in.readLong());
        return new Notification(from, to, vote, role(in.readInt()));
    }

    // Explicit codes rather than ordinals, so reordering the enum cannot change the protocol.
    private static int roleCode(Role role) {
        return switch (role) {
            case LOOKING -> 0;
            case FOLLOWING -> 1;
            case LEADING -> 2;
            case OBSERVING -> 3;
        };
    }

    private static Role role(int code) {
        return switch (code) {
            case 0 -> Role.LOOKING;
            case 1 -> Role.FOLLOWING;
            case 2 -> Role.LEADING;
            case 3 -> Role.OBSERVING;
            default -> throw new WireFormatException("unknown role code " + code + " in notification");
        };
    }
}
