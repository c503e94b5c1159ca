package dev.glasshouse.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replicated ensemble in one JVM, with the official ZooKeeper client: writes through any member
 * reach every member, a sync makes a member's next read current, a stopped leader is replaced and
 * nothing acknowledged is lost, sessions and their ephemerals survive a failover, and observers
 * serve without voting.
 */
@Timeout(120)
class ReplicatedServerTest {
    @TempDir
    Path directory;

    private final EnsembleClients clients = new EnsembleClients();
    private InProcessEnsemble ensemble;

    @AfterEach
    void tearDown() throws InterruptedException {
        clients.close();
        if (ensemble != null) {
            ensemble.close();
        }
    }

    private ZooKeeper connect(String connectString, int sessionTimeoutMillis) throws Exception {
        return clients.connect(connectString, sessionTimeoutMillis);
    }

    private ZooKeeper connectTo(int member) throws Exception {
        return clients.connectTo(ensemble, member);
    }

    private static String syncAndRead(ZooKeeper zk, String path) throws Exception {
        return EnsembleClients.syncAndRead(zk, path);
    }

    @Test
    void aWriteThroughAnyMemberIsReadEverywhereAfterSync() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        int follower = leader == 1 ? 2 : 1;
        ZooKeeper viaFollower = connectTo(follower);
        viaFollower.create("/written-at-follower", "f".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        ZooKeeper viaLeader = connectTo(leader);
        viaLeader.create("/written-at-leader", "l".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        for (int member = 1; member <= 3; member++) {
            ZooKeeper reader = connectTo(member);
            assertThat(syncAndRead(reader, "/written-at-follower")).isEqualTo("f");
            assertThat(syncAndRead(reader, "/written-at-leader")).isEqualTo("l");
        }
        assertThat(ensemble.member(leader).lastZxid()).isEqualTo(ensemble.member(follower).lastZxid());
    }

    @Test
    void srvrReportsEachMembersMode() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 1);
        int leader = ensemble.awaitServing();
        InProcessEnsemble.await(() -> ensemble.member(4).isServing(), "the observer to serve");
        for (int member = 1; member <= 4; member++) {
            String expected = member == leader ? "leader" : member == 4 ? "observer" : "follower";
            assertThat(fourLetterWord(ensemble.clientPort(member), "srvr")).as("member " + member)
                    .contains("Mode: " + expected + "\n");
        }
    }

    private static String fourLetterWord(int port, String word) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void failedWritesAnswerWithTheirErrorThroughAFollower() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        ZooKeeper viaFollower = connectTo(leader == 3 ? 2 : 3);
        viaFollower.create("/exists", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        try {
            viaFollower.create("/exists", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            throw new AssertionError("second create succeeded");
        } catch (KeeperException.NodeExistsException expected) {
            assertThat(expected.getPath()).isEqualTo("/exists");
        }
        String sequential = viaFollower.create("/seq-", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL);
        assertThat(sequential).isEqualTo("/seq-0000000001");
    }

    @Test
    void aStoppedLeaderIsReplacedAndNoAcknowledgedWriteIsLost() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        ZooKeeper writer = connect(ensemble.connectString(), 10_000);
        for (int i = 0; i < 20; i++) {
            writer.create("/before-" + i, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        ensemble.stopMember(leader);
        int newLeader = ensemble.awaitServing();
        assertThat(newLeader).isNotEqualTo(leader);
        // Before the new leader's first transaction (the writer resumes its session, which logs
        // nothing), a sync must name a point the members have applied, not the empty epoch's start.
        InProcessEnsemble.await(() -> writer.getState() == ZooKeeper.States.CONNECTED, "the writer to reconnect");
        assertThat(syncAndReadExists(writer, "/before-19")).isFalse();
        ZooKeeper survivor = connect(ensemble.connectString(), 10_000);
        survivor.create("/after", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        ensemble.startMember(leader);
        ensemble.awaitServing();
        ZooKeeper rejoined = connectTo(leader);
        syncAndRead(rejoined, "/after");
        for (int i = 0; i < 20; i++) {
            assertThat(rejoined.exists("/before-" + i, false)).as("/before-" + i).isNotNull();
        }
    }

    @Test
    void aSessionAndItsEphemeralSurviveTheLeadersFailover() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        ZooKeeper owner = connect(ensemble.connectString(), 8_000);
        long sessionId = owner.getSessionId();
        owner.create("/owned", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        ensemble.stopMember(leader);
        ensemble.awaitServing();
        InProcessEnsemble.await(() -> owner.getState() == ZooKeeper.States.CONNECTED, "the owner to reconnect");
        assertThat(owner.getSessionId()).isEqualTo(sessionId);
        ZooKeeper observer = connect(ensemble.connectString(), 8_000);
        assertThat(observer.exists("/owned", false)).isNotNull();
        owner.close();
        InProcessEnsemble.await(() -> {
            try {
                return syncAndReadExists(observer, "/owned");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the ephemeral to go with its session");
    }

    private static boolean syncAndReadExists(ZooKeeper zk, String path) throws Exception {
        CompletableFuture<Integer> synced = new CompletableFuture<>();
        zk.sync(path, (rc, p, ctx) -> synced.complete(rc), null);
        synced.get(30, TimeUnit.SECONDS);
        return zk.exists(path, false) == null;
    }

    /**
     * ZOOKEEPER-1675: a leader cut off from its quorum still believes it leads for up to syncLimit,
     * and ZooKeeper's would answer a sync at once from its stale state. Ours must first hear from a
     * quorum, which it cannot, so the sync fails with the connection instead of answering stale data.
     */
    @Test
    void aSyncOnACutOffLeaderNeverAnswersFromStaleState() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int oldLeader = ensemble.awaitServing();
        ZooKeeper onOldLeader = connectTo(oldLeader);
        onOldLeader.create("/k", "old".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        ensemble.member(oldLeader).cutOff(true);
        CompletableFuture<Integer> synced = new CompletableFuture<>();
        onOldLeader.sync("/k", (rc, path, ctx) -> synced.complete(rc), null);

        List<Integer> others = ensemble.runningIds().stream().filter(id -> id != oldLeader).toList();
        InProcessEnsemble.await(() -> others.stream().anyMatch(id -> ensemble.member(id).isServing()
                && ensemble.member(id).role() == dev.glasshouse.engine.quorum.Role.LEADING), "a new leader");
        ZooKeeper onNewQuorum = connect(ensemble.connectString(others), 10_000);
        onNewQuorum.setData("/k", "new".getBytes(StandardCharsets.UTF_8), -1);

        assertThat(synced.get(30, TimeUnit.SECONDS)).as("result code of the sync on the cut-off leader")
                .isEqualTo(KeeperException.Code.CONNECTIONLOSS.intValue());
        ensemble.member(oldLeader).cutOff(false);
        ensemble.awaitServing();
        assertThat(syncAndRead(connectTo(oldLeader), "/k")).isEqualTo("new");
    }

    @Test
    void aMemberWithoutQuorumServesReadOnlyClientsUntilItRejoins() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0, "readonlymode.enabled=true\n");
        int leader = ensemble.awaitServing();
        int follower = leader == 1 ? 2 : 1;
        connectTo(leader).create("/kept", "v".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        assertThat(syncAndRead(connectTo(follower), "/kept")).isEqualTo("v");

        ensemble.member(follower).cutOff(true);
        InProcessEnsemble.await(() -> ensemble.member(follower).isReadOnly(), "the cut-off follower to go read-only");
        CountDownLatch readOnlyConnected = new CountDownLatch(1);
        ZooKeeper reader = new ZooKeeper("127.0.0.1:" + ensemble.clientPort(follower), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.ConnectedReadOnly) {
                readOnlyConnected.countDown();
            }
        }, true);
        clients.track(reader);
        assertThat(readOnlyConnected.await(30, TimeUnit.SECONDS)).as("connected read-only").isTrue();
        assertThat(new String(reader.getData("/kept", false, null), StandardCharsets.UTF_8)).isEqualTo("v");
        try {
            reader.create("/refused", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            throw new AssertionError("a read-only member accepted a write");
        } catch (KeeperException.NotReadOnlyException expected) {
            assertThat(expected.code()).isEqualTo(KeeperException.Code.NOTREADONLY);
        }

        ensemble.member(follower).cutOff(false);
        InProcessEnsemble.await(() -> reader.getState() == ZooKeeper.States.CONNECTED, "the reader to be read-write");
        reader.create("/accepted", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThat(syncAndReadExists(connectTo(leader), "/accepted")).isFalse();
    }

    @Test
    void anObserverServesReadsAndWritesWithoutVoting() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 1);
        ensemble.awaitServing();
        assertThat(ensemble.member(4).role()).isEqualTo(dev.glasshouse.engine.quorum.Role.OBSERVING);
        ZooKeeper viaObserver = connectTo(4);
        viaObserver.create("/from-observer", "o".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        assertThat(syncAndRead(connectTo(1), "/from-observer")).isEqualTo("o");
    }

    @Test
    void everyMemberReportsSessionsOpenedAndClosedAndTheLeaderReportsExpiries() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        int follower = leader == 1 ? 2 : 1;
        ZooKeeper closed = connectTo(follower);
        long closedId = closed.getSessionId();
        closed.close();
        ZooKeeper expiring = connect("127.0.0.1:" + ensemble.clientPort(follower), 1_000);
        long expiringId = expiring.getSessionId();
        // The client drops its connection without closing the session: only the leader's expiry ends it.
        expiring.getTestable().injectSessionExpiration();

        InProcessEnsemble.await(() -> closedOnEveryMember(expiringId), "the expired session to close everywhere");
        List<ReplicaEvent> events = ensemble.sessionEvents();
        for (long session : List.of(closedId, expiringId)) {
            assertThat(events).filteredOn(event -> event instanceof ReplicaEvent.SessionCreated created
                    && created.sessionId() == session).extracting(ReplicaEvent::member).hasSize(3).doesNotHaveDuplicates();
            assertThat(events).filteredOn(event -> event instanceof ReplicaEvent.SessionClosed gone
                    && gone.sessionId() == session).hasSize(3);
        }
        assertThat(events).filteredOn(ReplicaEvent.SessionExpired.class::isInstance)
                .extracting(event -> ((ReplicaEvent.SessionExpired) event).sessionId(), ReplicaEvent::member)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(expiringId, MemberId.of(leader)));
    }

    @Test
    void aLeaderWhoseEventLoopFailsOnABugLeavesAndTheOthersCarryOn() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0);
        int leader = ensemble.awaitServing();
        int follower = leader == 1 ? 2 : 1;
        ZooKeeper client = connectTo(follower);
        client.create("/before", "b".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);

        ensemble.injectBug(leader, event -> event instanceof ReplicaEvent.Committed);
        client.create("/during", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT,
                (rc, path, ctx, name) -> { }, null);

        InProcessEnsemble.await(() -> !ensemble.member(leader).isServing(), "the failed leader to stop serving");
        List<Integer> others = ensemble.runningIds().stream().filter(id -> id != leader).toList();
        InProcessEnsemble.await(() -> others.stream().anyMatch(id -> ensemble.member(id).isServing()
                && ensemble.member(id).role() == dev.glasshouse.engine.quorum.Role.LEADING), "a new leader");
        ZooKeeper survivor = connect(ensemble.connectString(others), 10_000);
        survivor.create("/after", "a".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);

        assertThat(syncAndRead(survivor, "/before")).isEqualTo("b");
        assertThat(syncAndRead(survivor, "/after")).isEqualTo("a");
        assertThat(ensemble.member(leader).isServing()).as("a member that failed stays out").isFalse();
    }

    private boolean closedOnEveryMember(long sessionId) {
        return ensemble.sessionEvents().stream().filter(event -> event instanceof ReplicaEvent.SessionClosed gone
                && gone.sessionId() == sessionId).count() == 3;
    }
}
