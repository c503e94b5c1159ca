package dev.glasshouse.engine.wire;

import static dev.glasshouse.engine.wire.WireSamples.ACLS;
import static dev.glasshouse.engine.wire.WireSamples.DATA;
import static dev.glasshouse.engine.wire.WireSamples.PATH;
import static dev.glasshouse.engine.wire.WireSamples.referenceAcls;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jute.Record;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.proto.RequestHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every request record and opcode layout, byte for byte against ZooKeeper 3.9's own Jute classes. */
class RequestGoldenTest {

    /**
     * One request body in both codecs.
     *
     * @param reference the same value built from ZooKeeper's classes
     * @param blank     an empty reference record to read bytes into
     */
    record Case(String name, OpCode op, RequestBody ours, Record reference, Supplier<Record> blank) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        var refAcls = referenceAcls(ACLS);
        return Stream.of(
                new Case("create", OpCode.CREATE, new CreateRequest(PATH, DATA, ACLS, 3, CreateRequest.NO_TTL),
                        new org.apache.zookeeper.proto.CreateRequest(PATH, DATA, refAcls, 3),
                        org.apache.zookeeper.proto.CreateRequest::new),
                new Case("create null data, empty acl", OpCode.CREATE,
                        new CreateRequest("/a", null, List.of(), 0, CreateRequest.NO_TTL),
                        new org.apache.zookeeper.proto.CreateRequest("/a", null, List.of(), 0),
                        org.apache.zookeeper.proto.CreateRequest::new),
                new Case("create2", OpCode.CREATE2, new CreateRequest(PATH, new byte[0], ACLS, 2, CreateRequest.NO_TTL),
                        new org.apache.zookeeper.proto.CreateRequest(PATH, new byte[0], refAcls, 2),
                        org.apache.zookeeper.proto.CreateRequest::new),
                new Case("createContainer", OpCode.CREATE_CONTAINER,
                        new CreateRequest("/c", DATA, Acl.OPEN_ACL_UNSAFE, 4, CreateRequest.NO_TTL),
                        new org.apache.zookeeper.proto.CreateRequest("/c", DATA, referenceAcls(Acl.OPEN_ACL_UNSAFE),
                                4), org.apache.zookeeper.proto.CreateRequest::new),
                new Case("createTTL", OpCode.CREATE_TTL, new CreateRequest(PATH, DATA, ACLS, 6, 0xFF_FFFF_FFFFL),
                        new org.apache.zookeeper.proto.CreateTTLRequest(PATH, DATA, refAcls, 6, 0xFF_FFFF_FFFFL),
                        org.apache.zookeeper.proto.CreateTTLRequest::new),
                new Case("delete", OpCode.DELETE, new DeleteRequest(PATH, -1),
                        new org.apache.zookeeper.proto.DeleteRequest(PATH, -1),
                        org.apache.zookeeper.proto.DeleteRequest::new),
                new Case("exists", OpCode.EXISTS, new PathWatchRequest(PATH, true),
                        new org.apache.zookeeper.proto.ExistsRequest(PATH, true),
                        org.apache.zookeeper.proto.ExistsRequest::new),
                new Case("getData", OpCode.GET_DATA, new PathWatchRequest(PATH, false),
                        new org.apache.zookeeper.proto.GetDataRequest(PATH, false),
                        org.apache.zookeeper.proto.GetDataRequest::new),
                new Case("setData", OpCode.SET_DATA, new SetDataRequest(PATH, DATA, 12),
                        new org.apache.zookeeper.proto.SetDataRequest(PATH, DATA, 12),
                        org.apache.zookeeper.proto.SetDataRequest::new),
                new Case("getACL", OpCode.GET_ACL, new PathRequest(PATH),
                        new org.apache.zookeeper.proto.GetACLRequest(PATH),
                        org.apache.zookeeper.proto.GetACLRequest::new),
                new Case("setACL", OpCode.SET_ACL, new SetAclRequest(PATH, ACLS, 3),
                        new org.apache.zookeeper.proto.SetACLRequest(PATH, refAcls, 3),
                        org.apache.zookeeper.proto.SetACLRequest::new),
                new Case("getChildren", OpCode.GET_CHILDREN, new PathWatchRequest("/", true),
                        new org.apache.zookeeper.proto.GetChildrenRequest("/", true),
                        org.apache.zookeeper.proto.GetChildrenRequest::new),
                new Case("sync", OpCode.SYNC, new PathRequest(PATH),
                        new org.apache.zookeeper.proto.SyncRequest(PATH),
                        org.apache.zookeeper.proto.SyncRequest::new),
                new Case("getChildren2", OpCode.GET_CHILDREN2, new PathWatchRequest(PATH, true),
                        new org.apache.zookeeper.proto.GetChildren2Request(PATH, true),
                        org.apache.zookeeper.proto.GetChildren2Request::new),
                new Case("check", OpCode.CHECK, new CheckVersionRequest(PATH, 9),
                        new org.apache.zookeeper.proto.CheckVersionRequest(PATH, 9),
                        org.apache.zookeeper.proto.CheckVersionRequest::new),
                new Case("reconfig", OpCode.RECONFIG,
                        new ReconfigRequest("server.4=127.0.0.1:2888:3888;2184", "2", null, -1),
                        new org.apache.zookeeper.proto.ReconfigRequest("server.4=127.0.0.1:2888:3888;2184", "2",
                                null, -1), org.apache.zookeeper.proto.ReconfigRequest::new),
                new Case("checkWatches", OpCode.CHECK_WATCHES, new WatchTypeRequest(PATH, WatcherType.DATA.code()),
                        new org.apache.zookeeper.proto.CheckWatchesRequest(PATH, 2),
                        org.apache.zookeeper.proto.CheckWatchesRequest::new),
                new Case("removeWatches", OpCode.REMOVE_WATCHES, new WatchTypeRequest(PATH, WatcherType.ANY.code()),
                        new org.apache.zookeeper.proto.RemoveWatchesRequest(PATH, 3),
                        org.apache.zookeeper.proto.RemoveWatchesRequest::new),
                new Case("auth", OpCode.AUTH, new AuthPacket(0, "digest", bytes("bob:secret")),
                        new org.apache.zookeeper.proto.AuthPacket(0, "digest", bytes("bob:secret")),
                        org.apache.zookeeper.proto.AuthPacket::new),
                new Case("setWatches", OpCode.SET_WATCHES,
                        new SetWatchesRequest(0x1f00000009L, List.of("/a", "/b"), List.of("/w"), List.of(), List.of(),
                                List.of()),
                        new org.apache.zookeeper.proto.SetWatches(0x1f00000009L, List.of("/a", "/b"), List.of("/w"),
                                List.of()), org.apache.zookeeper.proto.SetWatches::new),
                new Case("setWatches2", OpCode.SET_WATCHES2,
                        new SetWatchesRequest(7, List.of("/a"), List.of(), List.of("/c", PATH), List.of("/p"),
                                List.of("/r", "/r2")),
                        new org.apache.zookeeper.proto.SetWatches2(7, List.of("/a"), List.of(), List.of("/c", PATH),
                                List.of("/p"), List.of("/r", "/r2")), org.apache.zookeeper.proto.SetWatches2::new),
                new Case("sasl", OpCode.SASL, new TokenRequest(bytes("token")),
                        new org.apache.zookeeper.proto.GetSASLRequest(bytes("token")),
                        org.apache.zookeeper.proto.GetSASLRequest::new),
                new Case("getEphemerals", OpCode.GET_EPHEMERALS, new PathRequest("/"),
                        new org.apache.zookeeper.proto.GetEphemeralsRequest("/"),
                        org.apache.zookeeper.proto.GetEphemeralsRequest::new),
                new Case("getAllChildrenNumber", OpCode.GET_ALL_CHILDREN_NUMBER, new PathRequest(PATH),
                        new org.apache.zookeeper.proto.GetAllChildrenNumberRequest(PATH),
                        org.apache.zookeeper.proto.GetAllChildrenNumberRequest::new),
                new Case("addWatch", OpCode.ADD_WATCH, new AddWatchRequest(PATH, 1),
                        new org.apache.zookeeper.proto.AddWatchRequest(PATH, 1),
                        org.apache.zookeeper.proto.AddWatchRequest::new),
                new Case("multi", OpCode.MULTI, multi(), referenceMulti(), MultiOperationRecord::new),
                new Case("multiRead", OpCode.MULTI_READ,
                        new MultiRequest(List.of(new MultiOp(OpCode.GET_CHILDREN, new PathWatchRequest("/a", false)),
                                new MultiOp(OpCode.GET_DATA, new PathWatchRequest(PATH, false)))),
                        new MultiOperationRecord(List.of(Op.getChildren("/a"), Op.getData(PATH))),
                        MultiOperationRecord::new));
    }

    private static MultiRequest multi() {
        return new MultiRequest(List.of(
                new MultiOp(OpCode.CREATE, new CreateRequest("/m", DATA, ACLS, 2, CreateRequest.NO_TTL)),
                new MultiOp(OpCode.CREATE_TTL, new CreateRequest("/t", DATA, ACLS, 5, 60_000)),
                new MultiOp(OpCode.CREATE_CONTAINER, new CreateRequest("/k", null, ACLS, 4, CreateRequest.NO_TTL)),
                new MultiOp(OpCode.DELETE, new DeleteRequest("/d", 4)),
                new MultiOp(OpCode.SET_DATA, new SetDataRequest(PATH, DATA, -1)),
                new MultiOp(OpCode.CHECK, new CheckVersionRequest("/a", 99))));
    }

    private static MultiOperationRecord referenceMulti() {
        var acls = referenceAcls(ACLS);
        return new MultiOperationRecord(List.of(
                Op.create("/m", DATA, acls, CreateMode.PERSISTENT_SEQUENTIAL),
                Op.create("/t", DATA, acls, CreateMode.PERSISTENT_WITH_TTL, 60_000),
                Op.create("/k", null, acls, CreateMode.CONTAINER),
                Op.delete("/d", 4),
                Op.setData(PATH, DATA, -1),
                Op.check("/a", 99)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ourEncodingEqualsTheReference(Case c) {
        byte[] ours = ReferenceJute.ours(out -> c.ours().write(c.op(), out));

        assertThat(ReferenceJute.hex(ours)).isEqualTo(ReferenceJute.hex(ReferenceJute.write(c.reference())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wholeFrameBodyEqualsTheReference(Case c) {
        byte[] ours = RequestCodec.write(new dev.glasshouse.engine.wire.RequestHeader(42, c.op().code()), c.op(),
                c.ours());

        byte[] reference = ReferenceJute.write(new RequestHeader(42, c.op().code()), c.reference());
        assertThat(ReferenceJute.hex(ours)).isEqualTo(ReferenceJute.hex(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weDecodeReferenceBytesCompletely(Case c) {
        byte[] reference = ReferenceJute.write(c.reference());
        JuteInput in = JuteInput.of(reference);

        RequestBody decoded = RequestCodec.read(c.op(), in);

        assertThat(in.remaining()).isZero();
        assertThat(ReferenceJute.hex(ReferenceJute.ours(out -> decoded.write(c.op(), out))))
                .isEqualTo(ReferenceJute.hex(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceDecodesOurBytesToTheSameRecord(Case c) {
        byte[] ours = ReferenceJute.ours(out -> c.ours().write(c.op(), out));

        Record decoded = ReferenceJute.read(c.blank(), ours);

        // Compared through the reference writer: Jute's generated equals() fails on null strings.
        assertThat(ReferenceJute.hex(ReferenceJute.write(decoded)))
                .isEqualTo(ReferenceJute.hex(ReferenceJute.write(c.reference())));
    }

    @ParameterizedTest
    @EnumSource(names = {"PING", "CLOSE_SESSION", "WHO_AM_I"})
    void headerOnlyRequestsAreJustTheHeader(OpCode op) {
        int xid = op == OpCode.PING ? dev.glasshouse.engine.wire.RequestHeader.PING_XID : 5;
        byte[] ours = RequestCodec.write(new dev.glasshouse.engine.wire.RequestHeader(xid, op.code()), op,
                EmptyRequest.INSTANCE);

        assertThat(ours).isEqualTo(ReferenceJute.write(new RequestHeader(xid, op.code())));
        JuteInput in = JuteInput.of(ours);
        assertThat(dev.glasshouse.engine.wire.RequestHeader.read(in))
                .isEqualTo(new dev.glasshouse.engine.wire.RequestHeader(xid, op.code()));
        assertThat(RequestCodec.read(op, in)).isEqualTo(EmptyRequest.INSTANCE);
    }
}
