package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.StateImage;
import dev.glasshouse.engine.quorum.SyncMode;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.ZabMessage.Ack;
import dev.glasshouse.engine.quorum.ZabMessage.AckEpoch;
import dev.glasshouse.engine.quorum.ZabMessage.Commit;
import dev.glasshouse.engine.quorum.ZabMessage.FollowerInfo;
import dev.glasshouse.engine.quorum.ZabMessage.Inform;
import dev.glasshouse.engine.quorum.ZabMessage.LeaderInfo;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeader;
import dev.glasshouse.engine.quorum.ZabMessage.NewLeaderAck;
import dev.glasshouse.engine.quorum.ZabMessage.Ping;
import dev.glasshouse.engine.quorum.ZabMessage.Propose;
import dev.glasshouse.engine.quorum.ZabMessage.SyncLog;
import dev.glasshouse.engine.quorum.ZabMessage.UpToDate;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@link PeerCodec} that lays out ZAB's packets (tags 10 to 21; the layout table is in
 * {@link PeerCodec}'s Javadoc). Stateless.
 */
final class ZabCodec {
    static final int FOLLOWER_INFO = 10;
    static final int LEADER_INFO = 11;
    static final int ACK_EPOCH = 12;
    static final int SYNC_LOG = 13;
    static final int NEW_LEADER = 14;
    static final int NEW_LEADER_ACK = 15;
    static final int UP_TO_DATE = 16;
    static final int PROPOSE = 17;
    static final int ACK = 18;
    static final int COMMIT = 19;
    static final int INFORM = 20;
    static final int PING = 21;

    /** A proposal is at least its zxid and its payload's length. */
    private static final int MIN_PROPOSAL_BYTES = 12;

    private ZabCodec() {
    }

    static void write(ZabMessage message, JuteOutput out) {
        if (message instanceof FollowerInfo m) {
            PeerCodec.header(FOLLOWER_INFO, m.from(), m.to(), out).writeLong(m.acceptedEpoch());
        } else if (message instanceof LeaderInfo m) {
            PeerCodec.header(LEADER_INFO, m.from(), m.to(), out).writeLong(m.epoch());
        } else if (message instanceof AckEpoch m) {
            PeerCodec.header(ACK_EPOCH, m.from(), m.to(), out).writeLong(m.epoch()).writeLong(m.currentEpoch())
                    .writeLong(m.lastZxid().value());
        } else if (message instanceof SyncLog m) {
            writeSyncLog(m, out);
        } else if (message instanceof NewLeader m) {
            PeerCodec.header(NEW_LEADER, m.from(), m.to(), out).writeLong(m.epoch()).writeLong(m.lastZxid().value());
        } else if (message instanceof NewLeaderAck m) {
            PeerCodec.header(NEW_LEADER_ACK, m.from(), m.to(), out).writeLong(m.epoch())
                    .writeLong(m.lastZxid().value());
        } else if (message instanceof UpToDate m) {
            PeerCodec.header(UP_TO_DATE, m.from(), m.to(), out).writeLong(m.epoch())
                    .writeLong(m.committedThrough().value());
        } else if (message instanceof Propose m) {
            writeProposal(m.proposal(), PeerCodec.header(PROPOSE, m.from(), m.to(), out));
        } else if (message instanceof Ack m) {
            PeerCodec.header(ACK, m.from(), m.to(), out).writeLong(m.zxid().value());
        } else if (message instanceof Commit m) {
            PeerCodec.header(COMMIT, m.from(), m.to(), out).writeLong(m.zxid().value());
        } else if (message instanceof Inform m) {
            writeProposal(m.proposal(), PeerCodec.header(INFORM, m.from(), m.to(), out));
        } else {
            writePing((Ping) message, PeerCodec.header(PING, message.from(), message.to(), out));
        }
    }

    static ZabMessage read(int tag, MemberId from, MemberId to, JuteInput in) {
        return switch (tag) {
            case FOLLOWER_INFO -> new FollowerInfo(from, to, in.readLong());
            case LEADER_INFO -> new LeaderInfo(from, to, in.readLong());
            case ACK_EPOCH -> new AckEpoch(from, to, in.readLong(), in.readLong(), zxid(in));
            case SYNC_LOG -> readSyncLog(from, to, in);
            case NEW_LEADER -> new NewLeader(from, to, in.readLong(), zxid(in));
            case NEW_LEADER_ACK -> new NewLeaderAck(from, to, in.readLong(), zxid(in));
            case UP_TO_DATE -> new UpToDate(from, to, in.readLong(), zxid(in));
            case PROPOSE -> new Propose(from, to, readProposal(in));
            case ACK -> new Ack(from, to, zxid(in));
            case COMMIT -> new Commit(from, to, zxid(in));
            case INFORM -> new Inform(from, to, readProposal(in));
            case PING -> readPing(from, to, in);
            default -> throw new IllegalArgumentException("tag " + tag + " is not a ZAB packet");
        };
    }

    // PING's fields live only in these two methods, so a new field is a change of one line in each.
    private static void writePing(Ping ping, JuteOutput out) {
        out.writeLong(ping.epoch()).writeLong(ping.round());
    }

    private static Ping readPing(MemberId from, MemberId to, JuteInput in) {
        return new Ping(from, to, in.readLong(), in.readLong());
    }

    private static void writeSyncLog(SyncLog log, JuteOutput out) {
        PeerCodec.header(SYNC_LOG, log.from(), log.to(), out).writeLong(log.epoch()).writeInt(modeCode(log.mode()))
                .writeLong(log.truncateTo().value()).writeInt(log.proposals().size());
        for (Proposal proposal : log.proposals()) {
            writeProposal(proposal, out);
        }
        out.writeBuffer(log.image().map(StateImage::data).orElse(null));
    }

    private static SyncLog readSyncLog(MemberId from, MemberId to, JuteInput in) {
        long epoch = in.readLong();
        SyncMode mode = mode(in.readInt());
        Zxid truncateTo = zxid(in);
        int count = PeerCodec.readCount(in, "SyncLog proposal", MIN_PROPOSAL_BYTES);
        List<Proposal> proposals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            proposals.add(readProposal(in));
        }
        byte[] image = in.readBuffer();
        if (image != null && mode != SyncMode.SNAP) {
            throw new WireFormatException(mode + " carries a state image; only SNAP does");
        }
        return new SyncLog(from, to, epoch, mode, truncateTo, proposals,
                Optional.ofNullable(image).map(data -> new StateImage(truncateTo, data)));
    }

    private static void writeProposal(Proposal proposal, JuteOutput out) {
        out.writeLong(proposal.zxid().value()).writeBuffer(proposal.payload());
    }

    private static Proposal readProposal(JuteInput in) {
        Zxid zxid = zxid(in);
        // Checked here, so that a forged zxid is a malformed frame rather than a broken invariant.
        if (zxid.epoch() == 0 || zxid.counter() == 0) {
            throw new WireFormatException("proposal zxid " + zxid + " has no epoch or counter");
        }
        return new Proposal(zxid, PeerCodec.readBytes(in, "proposal payload"));
    }

    private static Zxid zxid(JuteInput in) {
        return new Zxid(in.readLong());
    }

    private static int modeCode(SyncMode mode) {
        return switch (mode) {
            case DIFF -> 0;
            case TRUNC -> 1;
            case SNAP -> 2;
        };
    }

    private static SyncMode mode(int code) {
        return switch (code) {
            case 0 -> SyncMode.DIFF;
            case 1 -> SyncMode.TRUNC;
            case 2 -> SyncMode.SNAP;
            default -> throw new WireFormatException("unknown SyncLog mode code " + code);
        };
    }
}
