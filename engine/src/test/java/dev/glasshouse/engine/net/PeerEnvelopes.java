package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.Notification;
import dev.glasshouse.engine.quorum.PeerMessage;
import dev.glasshouse.engine.quorum.Proposal;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.quorum.StateImage;
import dev.glasshouse.engine.quorum.SyncMode;
import dev.glasshouse.engine.quorum.Vote;
import dev.glasshouse.engine.quorum.ZabMessage;
import dev.glasshouse.engine.quorum.Zxid;
import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.SyncPoint;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.CheckVersionRequest;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.ReconfigRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.TokenRequest;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Seeded generators of every kind of {@link PeerEnvelope}, for codec round trips. */
final class PeerEnvelopes {
    private static final OpCode[] MULTI_OPS = {OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_TTL, OpCode.DELETE,
        OpCode.SET_DATA, OpCode.CHECK};

    private final Random random;

    PeerEnvelopes(long seed) {
        this.random = new Random(seed);
    }

    /** One generator per record type, by name. */
    static Map<String, Function<PeerEnvelopes, PeerEnvelope>> kinds() {
        return Map.ofEntries(
                Map.entry("Notification", g -> g.replication(g.notification())),
                Map.entry("FollowerInfo", g -> g.replication(new ZabMessage.FollowerInfo(g.member(), g.member(),
                        g.random.nextLong()))),
                Map.entry("LeaderInfo", g -> g.replication(new ZabMessage.LeaderInfo(g.member(), g.member(),
                        g.random.nextLong()))),
                Map.entry("AckEpoch", g -> g.replication(new ZabMessage.AckEpoch(g.member(), g.member(),
                        g.random.nextLong(), g.random.nextLong(), g.zxid()))),
                Map.entry("SyncLog", g -> g.replication(g.syncLog())),
                Map.entry("NewLeader", g -> g.replication(new ZabMessage.NewLeader(g.member(), g.member(),
                        g.random.nextLong(), g.zxid()))),
                Map.entry("NewLeaderAck", g -> g.replication(new ZabMessage.NewLeaderAck(g.member(), g.member(),
                        g.random.nextLong(), g.zxid()))),
                Map.entry("UpToDate", g -> g.replication(new ZabMessage.UpToDate(g.member(), g.member(),
                        g.random.nextLong(), g.zxid()))),
                Map.entry("Propose", g -> g.replication(new ZabMessage.Propose(g.member(), g.member(), g.proposal()))),
                Map.entry("Ack", g -> g.replication(new ZabMessage.Ack(g.member(), g.member(), g.zxid()))),
                Map.entry("Commit", g -> g.replication(new ZabMessage.Commit(g.member(), g.member(), g.zxid()))),
                Map.entry("Inform", g -> g.replication(new ZabMessage.Inform(g.member(), g.member(), g.proposal()))),
                Map.entry("Ping", g -> g.replication(new ZabMessage.Ping(g.member(), g.member(), g.random.nextLong(), g.random.nextLong()))),
                Map.entry("OpenSession", g -> g.toLeader(new LeaderRequest.OpenSession(g.random.nextLong(),
                        g.random.nextInt(), g.bytes(16)))),
                Map.entry("Write", g -> g.toLeader(g.write(g.pick(OpCode.values())))),
                Map.entry("Sync", g -> g.toLeader(new LeaderRequest.Sync(g.random.nextLong(), g.random.nextInt()))),
                Map.entry("Touches", g -> g.toLeader(new LeaderRequest.Touches(g.longs()))),
                Map.entry("SyncReached", g -> new PeerEnvelope.SyncReached(g.member(), g.member(),
                        new SyncPoint(g.random.nextLong(), g.random.nextInt(), g.random.nextLong()))));
    }

    PeerEnvelope toLeader(LeaderRequest request) {
        return new PeerEnvelope.ToLeader(member(), member(), request);
    }

    LeaderRequest.Write write(OpCode op) {
        List<Id> identities = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            identities.add(new Id(string(), string()));
        }
        return new LeaderRequest.Write(random.nextLong(), random.nextInt(), op.code(), body(op), identities);
    }

    /** A request record of the layout {@code op} names, with random fields. */
    RequestBody body(OpCode op) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER -> new CreateRequest(path(), bytes(8), acls(), random.nextInt(4),
                    CreateRequest.NO_TTL);
            case CREATE_TTL -> new CreateRequest(path(), bytes(8), acls(), random.nextInt(4), random.nextLong());
            case DELETE, DELETE_CONTAINER -> new DeleteRequest(path(), random.nextInt());
            case EXISTS, GET_DATA, GET_CHILDREN, GET_CHILDREN2 -> new PathWatchRequest(path(), random.nextBoolean());
            case SET_DATA -> new SetDataRequest(path(), bytes(32), random.nextInt());
            case GET_ACL, SYNC, GET_EPHEMERALS, GET_ALL_CHILDREN_NUMBER -> new PathRequest(path());
            case SET_ACL -> new SetAclRequest(path(), acls(), random.nextInt());
            case CHECK -> new CheckVersionRequest(path(), random.nextInt());
            case CHECK_WATCHES, REMOVE_WATCHES -> new WatchTypeRequest(path(), random.nextInt(4));
            case SET_WATCHES -> new SetWatchesRequest(random.nextLong(), paths(), paths(), paths(), List.of(),
                    List.of());
            case SET_WATCHES2 -> new SetWatchesRequest(random.nextLong(), paths(), paths(), paths(), paths(), paths());
            case ADD_WATCH -> new AddWatchRequest(path(), random.nextInt(2));
            case AUTH -> new AuthPacket(0, "digest", bytes(12));
            case SASL -> new TokenRequest(bytes(20));
            case RECONFIG -> new ReconfigRequest(string(), string(), string(), random.nextLong());
            case MULTI, MULTI_READ -> multi();
            case PING, CLOSE_SESSION, WHO_AM_I, CREATE_SESSION, NOTIFICATION, ERROR -> EmptyRequest.INSTANCE;
        };
    }

    private MultiRequest multi() {
        List<MultiOp> ops = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            OpCode op = pick(MULTI_OPS);
            ops.add(new MultiOp(op, body(op)));
        }
        return new MultiRequest(ops);
    }

    private ZabMessage.SyncLog syncLog() {
        List<Proposal> proposals = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            proposals.add(proposal());
        }
        SyncMode mode = pick(SyncMode.values());
        Zxid at = zxid();
        ZabMessage.SyncLog sync = new ZabMessage.SyncLog(member(), member(), random.nextLong(), mode, at, proposals);
        if (mode == SyncMode.SNAP && random.nextBoolean()) {
            byte[] image = new byte[random.nextInt(64)];
            random.nextBytes(image);
            return sync.withImage(new StateImage(at, image));
        }
        return sync;
    }

    private Notification notification() {
        Vote vote = new Vote(member(), zxid(), random.nextLong(), random.nextLong());
        return new Notification(member(), member(), random.nextInt(10) == 0 ? Vote.nobody(3) : vote,
                pick(Role.values()));
    }

    private PeerEnvelope replication(PeerMessage message) {
        return new PeerEnvelope.Replication(message);
    }

    private Proposal proposal() {
        return new Proposal(Zxid.of(1 + random.nextInt(Integer.MAX_VALUE - 1), 1 + random.nextInt(1000)),
                bytes(64));
    }

    private MemberId member() {
        return MemberId.of(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(10));
    }

    private Zxid zxid() {
        return new Zxid(random.nextLong());
    }

    private byte[] bytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private List<Long> longs() {
        List<Long> values = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            values.add(random.nextLong());
        }
        return values;
    }

    private List<Acl> acls() {
        return random.nextBoolean() ? Acl.OPEN_ACL_UNSAFE : List.of(new Acl(random.nextInt(32), new Id("ip",
                "127.0.0." + random.nextInt(255))));
    }

    private List<String> paths() {
        List<String> paths = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            paths.add(path());
        }
        return paths;
    }

    private String path() {
        return "/n" + random.nextInt(1000) + (random.nextBoolean() ? "/ünï" : "");
    }

    private String string() {
        return "s" + Long.toHexString(random.nextLong());
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
