package dev.glasshouse.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.CheckVersionRequest;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.ReconfigRequest;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.TokenRequest;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends the same raw frames to Apache ZooKeeper 3.9.4 and to Glasshouse and requires the same
 * frames back, field for field, except session ids, passwords and wall-clock times. Each scenario
 * runs on a fresh pair of servers so zxids line up exactly.
 */
@Timeout(60)
class RawProtocolCompatTest {
    private static final byte[] NO_PASSWORD = new byte[16];

    @TempDir
    Path dir;

    interface Scenario {
        void run(int port, FrameTranscript transcript) throws Exception;
    }

    private void assertSameOnBothServers(Scenario scenario) throws Exception {
        FrameTranscript reference = new FrameTranscript();
        try (ReferenceServer server = new ReferenceServer(dir.resolve("reference"), 2000)) {
            scenario.run(server.port(), reference);
        }
        FrameTranscript ours = new FrameTranscript();
        ServerConfig config = ServerConfig.defaults(dir.resolve("glasshouse"), 0).withTickTime(2000)
                .withExtendedTypes(true);
        try (StandaloneServer server = StandaloneServer.start(config)) {
            scenario.run(server.clientPort(), ours);
        }
        assertThat(ours.lines()).as("Glasshouse transcript vs Apache ZooKeeper").isEqualTo(reference.lines());
    }

    private static ConnectRequest newSession(int timeoutMillis) {
        return new ConnectRequest(0, 0, timeoutMillis, 0, NO_PASSWORD, false, false);
    }

    private static void call(RawClient client, FrameTranscript transcript, int xid, OpCode op, RequestBody body)
            throws Exception {
        client.request(xid, op, body);
        transcript.replyTo(client, xid, op);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void handshakeNegotiatesTimeoutsAndAnswersPings() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            for (int requested : new int[] {1000, 30_000, 10_000_000}) {
                try (RawClient client = new RawClient(port)) {
                    client.connect(newSession(requested));
                    transcript.connectReply(client);
                    call(client, transcript, -2, OpCode.PING, EmptyRequest.INSTANCE);
                }
            }
        });
    }

    @Test
    void legacyClientWithoutReadOnlyByteGetsLegacyReply() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient client = new RawClient(port)) {
                client.connect(new ConnectRequest(0, 0, 30_000, 0, NO_PASSWORD, false, true));
                transcript.connectReply(client);
            }
        });
    }

    @Test
    void checkOutsideMultiAndUnknownOpcodesAreUnimplementedAndClose() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient client = new RawClient(port)) {
                client.connect(newSession(30_000));
                transcript.connectReply(client);
                call(client, transcript, 1, OpCode.CHECK, new CheckVersionRequest("/", -1));
                transcript.closeExpected(client);
            }
            try (RawClient client = new RawClient(port)) {
                client.connect(newSession(30_000));
                transcript.connectReply(client);
                client.sendFrame(new byte[] {0, 0, 0, 1, 0, 0, 3, (byte) 0xe7});
                transcript.replyTo(client, 1, OpCode.PING);
                transcript.closeExpected(client);
            }
        });
    }

    @Test
    void badSessionsAndClientsAheadAreRefused() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            long sessionId;
            try (RawClient client = new RawClient(port)) {
                client.connect(newSession(30_000));
                sessionId = transcript.connectReply(client);
            }
            try (RawClient client = new RawClient(port)) {
                byte[] wrong = new byte[16];
                wrong[0] = 1;
                client.connect(new ConnectRequest(0, 0, 30_000, sessionId, wrong, false, false));
                transcript.connectReply(client);
                transcript.closeExpected(client);
            }
            try (RawClient client = new RawClient(port)) {
                client.connect(new ConnectRequest(0, 0x7fffffff00000000L, 30_000, 0, NO_PASSWORD, false, false));
                transcript.connectReply(client);
            }
        });
    }

    @Test
    void failedAuthIsAnsweredThenClosed() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient client = new RawClient(port)) {
                client.connect(newSession(30_000));
                transcript.connectReply(client);
                call(client, transcript, -4, OpCode.AUTH, new AuthPacket(0, "nosuchscheme", utf8("x")));
                transcript.closeExpected(client);
            }
        });
    }

    /**
     * Deliberately better than ZooKeeper, which without a SASL login configured logs an error and
     * never answers, leaving the client to time out: Glasshouse refuses at once and closes.
     */
    @Test
    void saslWithoutSaslConfiguredIsRefusedAtOnce() throws Exception {
        ServerConfig config = ServerConfig.defaults(dir, 0);
        try (StandaloneServer server = StandaloneServer.start(config); RawClient client = new RawClient(
                server.clientPort())) {
            FrameTranscript transcript = new FrameTranscript();
            client.connect(newSession(30_000));
            transcript.connectReply(client);
            call(client, transcript, 1, OpCode.SASL, new TokenRequest(new byte[0]));
            transcript.closeExpected(client);
            assertThat(transcript.lines()).containsSubsequence("reply xid=1 zxid=0xffffffffffffffff err=-6", "closed");
        }
    }

    @Test
    void oversizedFrameClosesOnlyThatConnection() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient healthy = new RawClient(port); RawClient bad = new RawClient(port)) {
                healthy.connect(newSession(30_000));
                transcript.connectReply(healthy);
                bad.sendRaw(new byte[] {0x7f, 0, 0, 0});
                transcript.closeExpected(bad);
                call(healthy, transcript, 1, OpCode.EXISTS, new PathWatchRequest("/", false));
            }
        });
    }

    @Test
    void writesReadsWatchesAndErrorsMatchZooKeeper() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient client = new RawClient(port)) {
                client.connect(newSession(30_000));
                transcript.connectReply(client);
                List<Acl> open = Acl.OPEN_ACL_UNSAFE;
                int xid = 1;
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/a", utf8("hello"), open, 0, -1));
                call(client, transcript, xid++, OpCode.CREATE2, new CreateRequest("/a/q-", null, open, 2, -1));
                call(client, transcript, xid++, OpCode.CREATE2, new CreateRequest("/a/q-", new byte[0], open, 2, -1));
                call(client, transcript, xid++, OpCode.DELETE, new DeleteRequest("/a/q-0000000000", -1));
                call(client, transcript, xid++, OpCode.CREATE2, new CreateRequest("/a/q-", null, open, 3, -1));
                call(client, transcript, xid++, OpCode.GET_CHILDREN2, new PathWatchRequest("/a", false));
                call(client, transcript, xid++, OpCode.EXISTS, new PathWatchRequest("/nope", true));
                call(client, transcript, xid++, OpCode.SET_DATA, new SetDataRequest("/a", utf8("x"), 7));
                call(client, transcript, xid++, OpCode.GET_DATA, new PathWatchRequest("/a", true));
                call(client, transcript, xid++, OpCode.SET_DATA, new SetDataRequest("/a", utf8("y"), -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/nope", null, open, 1, -1));
                call(client, transcript, xid++, OpCode.MULTI, new MultiRequest(List.of(
                        new MultiOp(OpCode.CREATE, new CreateRequest("/m", null, open, 0, -1)),
                        new MultiOp(OpCode.CHECK, new CheckVersionRequest("/a", 99)),
                        new MultiOp(OpCode.DELETE, new DeleteRequest("/a", -1)))));
                call(client, transcript, xid++, OpCode.MULTI, new MultiRequest(List.of(
                        new MultiOp(OpCode.CREATE, new CreateRequest("/m", null, open, 0, -1)),
                        new MultiOp(OpCode.CREATE2, new CreateRequest("/m/c", utf8("c"), open, 0, -1)),
                        new MultiOp(OpCode.SET_DATA, new SetDataRequest("/m", utf8("m"), 0)),
                        new MultiOp(OpCode.CHECK, new CheckVersionRequest("/m", 1)),
                        new MultiOp(OpCode.DELETE, new DeleteRequest("/m/c", -1)))));
                call(client, transcript, xid++, OpCode.CREATE_TTL, new CreateRequest("/t", null, open, 1, 100));
                call(client, transcript, xid++, OpCode.CREATE_TTL, new CreateRequest("/t", null, open, 5, 60_000));
                call(client, transcript, xid++, OpCode.CREATE_CONTAINER, new CreateRequest("/c", null, open, 4, -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/nope/child", null, open, 0, -1));
                call(client, transcript, xid++, OpCode.ADD_WATCH, new AddWatchRequest("/c", 1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/c/e1", null, open, 0, -1));
                call(client, transcript, xid++, OpCode.SET_DATA, new SetDataRequest("/c/e1", utf8("z"), -1));
                call(client, transcript, xid++, OpCode.GET_DATA, new PathWatchRequest("bad", false));
                call(client, transcript, xid++, OpCode.DELETE, new DeleteRequest("/a", -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/a", null, open, 0, -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/x/y", null, open, 0, -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/bad/", null, open, 0, -1));
                call(client, transcript, xid++, OpCode.CREATE, new CreateRequest("/e", null, List.of(), 0, -1));
                call(client, transcript, xid++, OpCode.DELETE, new DeleteRequest("/zookeeper", -1));
                call(client, transcript, xid++, OpCode.RECONFIG, new ReconfigRequest(null, null, null, -1));
                call(client, transcript, xid++, OpCode.GET_ALL_CHILDREN_NUMBER, new PathRequest("/"));
                call(client, transcript, xid++, OpCode.GET_EPHEMERALS, new PathRequest("/"));
                call(client, transcript, xid++, OpCode.WHO_AM_I, EmptyRequest.INSTANCE);
                call(client, transcript, xid++, OpCode.REMOVE_WATCHES, new WatchTypeRequest("/zz", 3));
                call(client, transcript, xid++, OpCode.CHECK_WATCHES, new WatchTypeRequest("/c", 5));
                call(client, transcript, xid++, OpCode.SYNC, new PathRequest("/a"));
                call(client, transcript, xid++, OpCode.MULTI_READ, new MultiRequest(List.of(
                        new MultiOp(OpCode.GET_DATA, new PathWatchRequest("/a", false)),
                        new MultiOp(OpCode.GET_CHILDREN, new PathWatchRequest("/nope", false)),
                        new MultiOp(OpCode.GET_CHILDREN, new PathWatchRequest("/", false)))));
                for (String path : new String[] {"/", "/zookeeper", "/zookeeper/config", "/zookeeper/quota"}) {
                    call(client, transcript, xid++, OpCode.GET_DATA, new PathWatchRequest(path, false));
                    call(client, transcript, xid++, OpCode.GET_ACL, new PathRequest(path));
                }
                call(client, transcript, xid++, OpCode.CLOSE_SESSION, EmptyRequest.INSTANCE);
                transcript.closeExpected(client);
            }
        });
    }

    @Test
    void digestAclsAreEnforcedAndMaskedLikeZooKeeper() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient bob = new RawClient(port); RawClient other = new RawClient(port)) {
                bob.connect(newSession(30_000));
                transcript.connectReply(bob);
                other.connect(newSession(30_000));
                transcript.connectReply(other);
                call(bob, transcript, -4, OpCode.AUTH, new AuthPacket(0, "digest", utf8("bob:secret")));
                call(bob, transcript, 1, OpCode.WHO_AM_I, EmptyRequest.INSTANCE);
                List<Acl> bobOnly = List.of(new Acl(Perms.ALL, new Id("auth", "")));
                call(bob, transcript, 2, OpCode.CREATE, new CreateRequest("/s", utf8("s"), bobOnly, 0, -1));
                call(bob, transcript, 3, OpCode.GET_ACL, new PathRequest("/s"));
                call(other, transcript, 1, OpCode.GET_DATA, new PathWatchRequest("/s", false));
                call(other, transcript, 2, OpCode.SET_DATA, new SetDataRequest("/s", null, -1));
                call(other, transcript, 3, OpCode.CREATE, new CreateRequest("/s/c", null, Acl.OPEN_ACL_UNSAFE, 0, -1));
                call(other, transcript, 4, OpCode.CREATE, new CreateRequest("/o", null, bobOnly, 0, -1));
                call(other, transcript, 5, OpCode.EXISTS, new PathWatchRequest("/s", false));
                List<Acl> readAll = List.of(new Acl(Perms.READ, Id.ANYONE),
                        new Acl(Perms.ALL, new Id("digest", "bob:fyVmFCwVbTJYrznoSu1koqYEYF0=")));
                call(bob, transcript, 4, OpCode.SET_ACL, new SetAclRequest("/s", readAll, 5));
                call(bob, transcript, 5, OpCode.SET_ACL, new SetAclRequest("/s", readAll, 0));
                call(other, transcript, 6, OpCode.GET_ACL, new PathRequest("/s"));
                call(other, transcript, 7, OpCode.GET_DATA, new PathWatchRequest("/s", false));
                call(bob, transcript, 6, OpCode.SET_ACL, new SetAclRequest("/s",
                        List.of(new Acl(Perms.ALL, new Id("world", "nobody"))), -1));
                call(bob, transcript, 7, OpCode.SET_ACL, new SetAclRequest("/s",
                        List.of(new Acl(Perms.ALL, new Id("ip", "127.0.0.0/8"))), -1));
                call(other, transcript, 8, OpCode.SET_DATA, new SetDataRequest("/s", utf8("ip"), -1));
            }
        });
    }

    @Test
    void reconnectRestoresSessionAndSetWatchesFiresMissedEvents() throws Exception {
        assertSameOnBothServers((port, transcript) -> {
            try (RawClient writer = new RawClient(port)) {
                writer.connect(newSession(30_000));
                transcript.connectReply(writer);
                call(writer, transcript, 1, OpCode.CREATE, new CreateRequest("/w", null, Acl.OPEN_ACL_UNSAFE, 0, -1));
                call(writer, transcript, 2, OpCode.CREATE, new CreateRequest("/w/k", null, Acl.OPEN_ACL_UNSAFE, 0,
                        -1));
                call(writer, transcript, 3, OpCode.SET_DATA, new SetDataRequest("/w", utf8("v"), -1));
                try (RawClient watcher = new RawClient(port)) {
                    watcher.connect(newSession(30_000));
                    transcript.connectReply(watcher);
                    call(watcher, transcript, 1, OpCode.SET_WATCHES2, new SetWatchesRequest(3,
                            List.of("/w", "/gone"), List.of("/w", "/later"), List.of("/w", "/gone"), List.of("/p"),
                            List.of("/w")));
                    call(writer, transcript, 4, OpCode.CREATE, new CreateRequest("/later", null,
                            Acl.OPEN_ACL_UNSAFE, 0, -1));
                    call(watcher, transcript, -2, OpCode.PING, EmptyRequest.INSTANCE);
                    call(writer, transcript, 5, OpCode.CREATE, new CreateRequest("/w/k/deep", null,
                            Acl.OPEN_ACL_UNSAFE, 0, -1));
                    call(watcher, transcript, -2, OpCode.PING, EmptyRequest.INSTANCE);
                }
            }
        });
    }
}
