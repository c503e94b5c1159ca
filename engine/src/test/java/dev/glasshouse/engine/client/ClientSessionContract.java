package dev.glasshouse.engine.client;

import static dev.glasshouse.engine.client.Await.failure;
import static dev.glasshouse.engine.client.Await.result;
import static dev.glasshouse.engine.client.Await.zkFailure;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.EventType;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session behaviour of {@link ZkClient}: handshake, failover, reconnect, expiry, close and auth
 * failure, checked against any ZooKeeper-compatible server. Each subclass names the server; the
 * reference server is the specification and Glasshouse must behave the same. One server per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
abstract class ClientSessionContract {
    private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
    private static final byte[] EMPTY = new byte[0];

    private ZooKeeperEndpoint server;
    private ZkClient writer;
    private String root;

    /** Starts the server under test, with its data in the directory. */
    abstract ZooKeeperEndpoint startEndpoint(Path dataDir);

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = startEndpoint(dataDir);
        writer = ZkClient.connect(server.connectString(), 10_000);
    }

    @AfterAll
    void stopServer() {
        writer.close();
        server.close();
    }

    @BeforeEach
    void createRoot(TestInfo test) {
        root = "/" + test.getTestMethod().orElseThrow().getName();
        result(writer.create(root, EMPTY, OPEN, CreateMode.PERSISTENT));
    }

    @Test
    void requestsMadeBeforeTheHandshakeWaitForIt() {
        try (ZkClient client = ZkClient.connect(server.connectString(), 10_000)) {
            Created created = result(client.create(root + "/early", EMPTY, OPEN, CreateMode.PERSISTENT));

            assertThat(created.path()).isEqualTo(root + "/early");
            assertThat(client.state()).isEqualTo(SessionState.CONNECTED);
            assertThat(client.negotiatedTimeoutMillis()).isEqualTo(4000);
        }
    }

    @Test
    void failsOverFromAnUnreachableHost() {
        ClientConfig config = ClientConfig.of("127.0.0.1:1," + server.connectString(), 10_000)
                .withRandom(new SplittableRandom(7));
        try (ZkClient client = ZkClient.connect(config)) {
            result(client.connected());
            assertThat(result(client.exists(root))).isPresent();
        }
    }

    @Test
    void reconnectKeepsTheSessionItsEphemeralsAndItsWatches() {
        assumeTrue(server.supportsFaults());
        StateLog states = new StateLog();
        try (ZkClient client = ZkClient.connect(server.connectString(), 4000)) {
            client.subscribe(states);
            result(client.connected());
            long sessionId = client.sessionId();
            result(client.create(root + "/mine", EMPTY, OPEN, CreateMode.EPHEMERAL));
            EventLog exists = new EventLog();
            EventLog recursive = new EventLog();
            result(client.exists(root + "/later", exists));
            result(client.addWatch(root, recursive, AddWatchMode.PERSISTENT_RECURSIVE));

            server.dropConnection(client);
            states.await(SessionState.DISCONNECTED);
            states.await(SessionState.CONNECTED);
            result(client.sync(root));
            result(writer.create(root + "/later", EMPTY, OPEN, CreateMode.PERSISTENT));

            assertThat(client.sessionId()).isEqualTo(sessionId);
            assertThat(result(writer.exists(root + "/mine"))).isPresent();
            exists.next(EventType.NODE_CREATED, root + "/later");
            recursive.next(EventType.NODE_CREATED, root + "/later");
        }
    }

    @Test
    void anOversizedReplyClosesTheConnectionAndFailsTheRequestWithConnectionLoss() {
        result(writer.create(root + "/big", new byte[4000], OPEN, CreateMode.PERSISTENT));
        StateLog states = new StateLog();
        ClientConfig config = ClientConfig.of(server.connectString(), 10_000).withMaxPacketBytes(1024);
        try (ZkClient client = ZkClient.connect(config)) {
            client.subscribe(states);
            result(client.connected());

            zkFailure(client.getData(root + "/big"), ErrorCode.CONNECTION_LOSS);

            states.await(SessionState.DISCONNECTED);
            states.await(SessionState.CONNECTED);
            assertThat(result(client.exists(root + "/big"))).isPresent();
        }
    }

    @Test
    void sessionExpiredByTheServerIsReportedAsExpiredOnReconnect() {
        assumeTrue(server.supportsFaults());
        StateLog states = new StateLog();
        ZkClient client = ZkClient.connect(server.connectString(), 10_000);
        client.subscribe(states);
        result(client.connected());
        result(client.create(root + "/mine", EMPTY, OPEN, CreateMode.EPHEMERAL));

        server.expireSession(client);

        states.await(SessionState.EXPIRED);
        zkFailure(client.getData(root), ErrorCode.SESSION_EXPIRED);
        assertThat(result(writer.exists(root + "/mine"))).isEmpty();
        result(client.closeAsync());
        assertThat(client.state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    void sessionExpiresLocallyAfterFourThirdsOfItsTimeoutWithoutAServer(@TempDir Path ownDataDir) {
        assumeTrue(server.supportsFaults());
        StateLog states = new StateLog();
        ZooKeeperEndpoint own = startEndpoint(ownDataDir);
        try (ZkClient client = ZkClient.connect(own.connectString(), 1000)) {
            client.subscribe(states);
            result(client.connected());
            assertThat(client.negotiatedTimeoutMillis()).isEqualTo(1000);

            own.close();
            long start = System.nanoTime();
            states.await(SessionState.EXPIRED);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
            zkFailure(client.exists(root), ErrorCode.SESSION_EXPIRED);
        }
    }

    @Test
    void closeEndsTheSessionAndLaterRequestsFail() {
        StateLog states = new StateLog();
        ZkClient client = ZkClient.connect(server.connectString(), 10_000);
        client.subscribe(states);
        result(client.create(root + "/mine", "x".getBytes(UTF_8), OPEN, CreateMode.EPHEMERAL));

        result(client.closeAsync());

        states.await(SessionState.CLOSED);
        assertThat(result(writer.exists(root + "/mine"))).isEmpty();
        assertThat(failure(client.getData(root))).isInstanceOf(ClientClosedException.class);
        assertThat(failure(client.addAuth("digest", "a:b".getBytes(UTF_8))))
                .isInstanceOf(ClientClosedException.class);
    }

    @Test
    void closingASessionDeletesItsEphemeralsAndNotifiesOtherClientsWatches() {
        ZkClient client = ZkClient.connect(server.connectString(), 10_000);
        result(client.create(root + "/mine", EMPTY, OPEN, CreateMode.EPHEMERAL));
        EventLog node = new EventLog();
        EventLog children = new EventLog();
        result(writer.exists(root + "/mine", node));
        result(writer.getChildren(root, children));

        result(client.closeAsync());

        node.next(EventType.NODE_DELETED, root + "/mine");
        children.next(EventType.NODE_CHILDREN_CHANGED, root);
    }

    @Test
    void resumingASessionWithTheWrongPasswordIsReportedAsExpired() {
        try (ZkClient owner = ZkClient.connect(server.connectString(), 10_000)) {
            result(owner.connected());
            byte[] wrong = owner.sessionPassword();
            wrong[0] ^= 1;
            ClientConfig config = ClientConfig.of(server.connectString(), 10_000)
                    .withSession(owner.sessionId(), wrong);
            try (ZkClient impostor = ZkClient.connect(config)) {
                StateLog states = StateLog.following(impostor);

                states.await(SessionState.EXPIRED);
                zkFailure(impostor.exists(root), ErrorCode.SESSION_EXPIRED);
                assertThat(result(owner.exists(root))).isPresent();
            }
        }
    }

    @Test
    void rejectedCredentialsEndTheSessionWithAuthFailed() {
        StateLog states = new StateLog();
        ZkClient client = ZkClient.connect(server.connectString(), 10_000);
        client.subscribe(states);
        result(client.connected());

        zkFailure(client.addAuth("no-such-scheme", "x".getBytes(UTF_8)), ErrorCode.AUTH_FAILED);

        states.await(SessionState.AUTH_FAILED);
        zkFailure(client.exists(root), ErrorCode.AUTH_FAILED);
        client.close();
    }
}
