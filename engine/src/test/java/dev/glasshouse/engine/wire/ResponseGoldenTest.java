package dev.glasshouse.engine.wire;

import static dev.glasshouse.engine.wire.WireSamples.ACLS;
import static dev.glasshouse.engine.wire.WireSamples.DATA;
import static dev.glasshouse.engine.wire.WireSamples.PATH;
import static dev.glasshouse.engine.wire.WireSamples.STAT;
import static dev.glasshouse.engine.wire.WireSamples.referenceAcls;
import static dev.glasshouse.engine.wire.WireSamples.referenceStat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jute.Record;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every successful reply record, incl. multi results with errors, against ZooKeeper 3.9's Jute classes. */
class ResponseGoldenTest {

    /**
     * One reply body in both codecs.
     *
     * @param op        the operation the reply answers, which selects the layout when decoding
     * @param reference the same value built from ZooKeeper's classes
     * @param blank     an empty reference record to read bytes into
     */
    record Case(String name, OpCode op, ResponseBody ours, Record reference, Supplier<Record> blank) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        var refStat = referenceStat(STAT);
        return Stream.of(
                new Case("create", OpCode.CREATE, new CreateResponse("/a/q-0000000002"),
                        new org.apache.zookeeper.proto.CreateResponse("/a/q-0000000002"),
                        org.apache.zookeeper.proto.CreateResponse::new),
                new Case("create2", OpCode.CREATE2, new Create2Response(PATH, STAT),
                        new org.apache.zookeeper.proto.Create2Response(PATH, refStat),
                        org.apache.zookeeper.proto.Create2Response::new),
                new Case("createTTL", OpCode.CREATE_TTL, new Create2Response(PATH, STAT),
                        new org.apache.zookeeper.proto.Create2Response(PATH, refStat),
                        org.apache.zookeeper.proto.Create2Response::new),
                new Case("createContainer", OpCode.CREATE_CONTAINER, new Create2Response(PATH, STAT),
                        new org.apache.zookeeper.proto.Create2Response(PATH, refStat),
                        org.apache.zookeeper.proto.Create2Response::new),
                new Case("exists", OpCode.EXISTS, new StatResponse(STAT),
                        new org.apache.zookeeper.proto.ExistsResponse(refStat),
                        org.apache.zookeeper.proto.ExistsResponse::new),
                new Case("getData", OpCode.GET_DATA, new GetDataResponse(DATA, STAT),
                        new org.apache.zookeeper.proto.GetDataResponse(DATA, refStat),
                        org.apache.zookeeper.proto.GetDataResponse::new),
                new Case("getData null data", OpCode.GET_DATA, new GetDataResponse(null, STAT),
                        new org.apache.zookeeper.proto.GetDataResponse(null, refStat),
                        org.apache.zookeeper.proto.GetDataResponse::new),
                new Case("setData", OpCode.SET_DATA, new StatResponse(STAT),
                        new org.apache.zookeeper.proto.SetDataResponse(refStat),
                        org.apache.zookeeper.proto.SetDataResponse::new),
                new Case("getACL", OpCode.GET_ACL, new GetAclResponse(ACLS, STAT),
                        new org.apache.zookeeper.proto.GetACLResponse(referenceAcls(ACLS), refStat),
                        org.apache.zookeeper.proto.GetACLResponse::new),
                new Case("setACL", OpCode.SET_ACL, new StatResponse(STAT),
                        new org.apache.zookeeper.proto.SetACLResponse(refStat),
                        org.apache.zookeeper.proto.SetACLResponse::new),
                new Case("getChildren", OpCode.GET_CHILDREN, new ChildrenResponse(List.of("q-2", "q-1", "ü")),
                        new org.apache.zookeeper.proto.GetChildrenResponse(List.of("q-2", "q-1", "ü")),
                        org.apache.zookeeper.proto.GetChildrenResponse::new),
                new Case("getChildren none", OpCode.GET_CHILDREN, new ChildrenResponse(List.of()),
                        new org.apache.zookeeper.proto.GetChildrenResponse(List.of()),
                        org.apache.zookeeper.proto.GetChildrenResponse::new),
                new Case("sync", OpCode.SYNC, new PathResponse(PATH),
                        new org.apache.zookeeper.proto.SyncResponse(PATH),
                        org.apache.zookeeper.proto.SyncResponse::new),
                new Case("getChildren2", OpCode.GET_CHILDREN2, new Children2Response(List.of("x"), STAT),
                        new org.apache.zookeeper.proto.GetChildren2Response(List.of("x"), refStat),
                        org.apache.zookeeper.proto.GetChildren2Response::new),
                new Case("reconfig", OpCode.RECONFIG, new GetDataResponse(bytes("server.1=x\nversion=100"), STAT),
                        new org.apache.zookeeper.proto.GetDataResponse(bytes("server.1=x\nversion=100"), refStat),
                        org.apache.zookeeper.proto.GetDataResponse::new),
                new Case("sasl", OpCode.SASL, new TokenResponse(bytes("challenge")),
                        new org.apache.zookeeper.proto.SetSASLResponse(bytes("challenge")),
                        org.apache.zookeeper.proto.SetSASLResponse::new),
                new Case("getEphemerals", OpCode.GET_EPHEMERALS, new ChildrenResponse(List.of("/e1", "/a/e2")),
                        new org.apache.zookeeper.proto.GetEphemeralsResponse(List.of("/e1", "/a/e2")),
                        org.apache.zookeeper.proto.GetEphemeralsResponse::new),
                new Case("getAllChildrenNumber", OpCode.GET_ALL_CHILDREN_NUMBER, new IntResponse(12),
                        new org.apache.zookeeper.proto.GetAllChildrenNumberResponse(12),
                        org.apache.zookeeper.proto.GetAllChildrenNumberResponse::new),
                new Case("addWatch", OpCode.ADD_WATCH, new IntResponse(0),
                        new org.apache.zookeeper.proto.ErrorResponse(0),
                        org.apache.zookeeper.proto.ErrorResponse::new),
                new Case("whoAmI", OpCode.WHO_AM_I,
                        new WhoAmIResponse(List.of(new ClientInfo("digest", "bob"), new ClientInfo("ip", "127.0.0.1"))),
                        new org.apache.zookeeper.proto.WhoAmIResponse(List.of(
                                new org.apache.zookeeper.data.ClientInfo("digest", "bob"),
                                new org.apache.zookeeper.data.ClientInfo("ip", "127.0.0.1"))),
                        org.apache.zookeeper.proto.WhoAmIResponse::new),
                new Case("multi results", OpCode.MULTI, new MultiResponse(List.of(
                        success(OpCode.CREATE, new CreateResponse("/m")),
                        success(OpCode.CREATE2, new Create2Response("/t", STAT)),
                        success(OpCode.DELETE, EmptyResponse.INSTANCE),
                        success(OpCode.SET_DATA, new StatResponse(STAT)),
                        success(OpCode.CHECK, EmptyResponse.INSTANCE))),
                        referenceMulti(new OpResult.CreateResult("/m"), new OpResult.CreateResult("/t", refStat),
                                new OpResult.DeleteResult(), new OpResult.SetDataResult(refStat),
                                new OpResult.CheckResult()),
                        org.apache.zookeeper.MultiResponse::new),
                new Case("multi failed", OpCode.MULTI, new MultiResponse(List.of(
                        dev.glasshouse.engine.wire.OpResult.error(ErrorCode.OK),
                        dev.glasshouse.engine.wire.OpResult.error(ErrorCode.BAD_VERSION),
                        dev.glasshouse.engine.wire.OpResult.error(ErrorCode.RUNTIME_INCONSISTENCY))),
                        referenceMulti(new OpResult.ErrorResult(0),
                                new OpResult.ErrorResult(KeeperException.Code.BADVERSION.intValue()),
                                new OpResult.ErrorResult(KeeperException.Code.RUNTIMEINCONSISTENCY.intValue())),
                        org.apache.zookeeper.MultiResponse::new),
                new Case("multiRead mixed", OpCode.MULTI_READ, new MultiResponse(List.of(
                        success(OpCode.GET_CHILDREN, new ChildrenResponse(List.of("c1", "c2"))),
                        dev.glasshouse.engine.wire.OpResult.error(ErrorCode.NO_NODE),
                        success(OpCode.GET_DATA, new GetDataResponse(DATA, STAT)))),
                        referenceMulti(new OpResult.GetChildrenResult(List.of("c1", "c2")),
                                new OpResult.ErrorResult(KeeperException.Code.NONODE.intValue()),
                                new OpResult.GetDataResult(DATA, refStat)),
                        org.apache.zookeeper.MultiResponse::new),
                new Case("multi empty", OpCode.MULTI, new MultiResponse(List.of()), referenceMulti(),
                        org.apache.zookeeper.MultiResponse::new));
    }

    /** A successful multi result: the header carries the op's type and err 0. */
    private static dev.glasshouse.engine.wire.OpResult success(OpCode op, ResponseBody body) {
        return new dev.glasshouse.engine.wire.OpResult(op.code(), 0, body);
    }

    private static org.apache.zookeeper.MultiResponse referenceMulti(OpResult... results) {
        org.apache.zookeeper.MultiResponse response = new org.apache.zookeeper.MultiResponse();
        for (OpResult result : results) {
            response.add(result);
        }
        return response;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ourEncodingEqualsTheReference(Case c) {
        byte[] ours = ReferenceJute.ours(c.ours()::write);

        assertThat(ReferenceJute.hex(ours)).isEqualTo(ReferenceJute.hex(ReferenceJute.write(c.reference())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void successFrameIsHeaderThenRecord(Case c) {
        var header = new dev.glasshouse.engine.wire.ReplyHeader(9, 0x1f0000000aL, 0);

        byte[] ours = ResponseCodec.write(header, c.ours());

        byte[] reference = ReferenceJute.write(new org.apache.zookeeper.proto.ReplyHeader(9, 0x1f0000000aL, 0),
                c.reference());
        assertThat(ReferenceJute.hex(ours)).isEqualTo(ReferenceJute.hex(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void errorFrameIsTheHeaderAlone(Case c) {
        var header = new dev.glasshouse.engine.wire.ReplyHeader(9, 0x1f0000000aL, ErrorCode.NO_NODE.code());

        byte[] ours = ResponseCodec.write(header, c.ours());

        assertThat(ours).isEqualTo(ReferenceJute.write(new org.apache.zookeeper.proto.ReplyHeader(9, 0x1f0000000aL,
                -101)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weDecodeReferenceBytesCompletely(Case c) {
        byte[] reference = ReferenceJute.write(c.reference());
        JuteInput in = JuteInput.of(reference);

        ResponseBody decoded = ResponseCodec.read(c.op(), in);

        assertThat(in.remaining()).isZero();
        assertThat(ReferenceJute.hex(ReferenceJute.ours(decoded::write))).isEqualTo(ReferenceJute.hex(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceDecodesOurBytesToTheSameRecord(Case c) {
        Record decoded = ReferenceJute.read(c.blank(), ReferenceJute.ours(c.ours()::write));

        assertThat(ReferenceJute.hex(ReferenceJute.write(decoded)))
                .isEqualTo(ReferenceJute.hex(ReferenceJute.write(c.reference())));
    }
}
