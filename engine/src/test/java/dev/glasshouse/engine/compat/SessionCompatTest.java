package dev.glasshouse.engine.compat;

import static org.apache.zookeeper.Watcher.Event.EventType.NodeCreated;
import static org.apache.zookeeper.Watcher.Event.EventType.NodeDeleted;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;

/** Timeout negotiation, expiry, reconnect with the same session, and taking a session over. */
class SessionCompatTest {

    @AgainstEachTarget
    void requestedTimeoutIsClampedBetweenTwoAndTwentyTicks(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper tooShort = sessions.open(new EventLog(), 100);
            ZooKeeper tooLong = sessions.open(new EventLog(), 10_000_000);
            ZooKeeper inRange = sessions.open(new EventLog(), 3 * TargetServer.TICK_MILLIS);

            assertThat(tooShort.getSessionTimeout()).isEqualTo(2 * TargetServer.TICK_MILLIS);
            assertThat(tooLong.getSessionTimeout()).isEqualTo(20 * TargetServer.TICK_MILLIS);
            assertThat(inRange.getSessionTimeout()).isEqualTo(3 * TargetServer.TICK_MILLIS);
        }
    }

    @AgainstEachTarget
    void expiredSessionLosesItsEphemeralsAndOthersAreNotified(TargetServer server) throws Exception {
        try (var proxy = new LoopbackProxy(server.clientPort());
             var viaProxy = new ClientSessions(proxy.connectString());
             var direct = new ClientSessions(server)) {
            var doomedLog = new EventLog();
            ZooKeeper doomed = viaProxy.open(doomedLog, 2 * TargetServer.TICK_MILLIS);
            doomed.create("/lock", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            var observerLog = new EventLog();
            ZooKeeper observer = direct.open(observerLog);
            observer.exists("/lock", true);

            proxy.setRefusing(true);
            observerLog.expect(NodeDeleted, "/lock");
            proxy.setRefusing(false);

            doomedLog.awaitState(KeeperState.Expired);
            assertThat(observer.exists("/lock", false)).isNull();
        }
    }

    @AgainstEachTarget
    void reconnectKeepsTheSessionItsEphemeralsAndItsWatches(TargetServer server) throws Exception {
        try (var proxy = new LoopbackProxy(server.clientPort());
             var viaProxy = new ClientSessions(proxy.connectString());
             var direct = new ClientSessions(server)) {
            var log = new EventLog();
            ZooKeeper client = viaProxy.open(log);
            long sessionId = client.getSessionId();
            client.create("/mine", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            client.exists("/later", true);

            proxy.dropConnections();
            log.awaitState(KeeperState.Disconnected);
            log.awaitState(KeeperState.SyncConnected);
            direct.open().create("/later", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);

            log.expect(NodeCreated, "/later");
            assertThat(client.getSessionId()).isEqualTo(sessionId);
            assertThat(client.exists("/mine", false).getEphemeralOwner()).isEqualTo(sessionId);
        }
    }

    @AgainstEachTarget
    void secondClientWithTheSameIdAndPasswordTakesTheSessionOver(TargetServer server) throws Exception {
        try (var proxy = new LoopbackProxy(server.clientPort());
             var viaProxy = new ClientSessions(proxy.connectString());
             var direct = new ClientSessions(server)) {
            ZooKeeper original = viaProxy.open();
            original.create("/mine", null, Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
            proxy.setRefusing(true);

            ZooKeeper successor = direct.resume(new EventLog(), original.getSessionId(), original.getSessionPasswd());
            ZooKeeper observer = direct.open();

            assertThat(successor.getSessionId()).isEqualTo(original.getSessionId());
            assertThat(successor.getEphemerals()).containsExactly("/mine");
            successor.close();
            assertThat(observer.exists("/mine", false)).isNull();
        }
    }

    @AgainstEachTarget
    void resumingWithAWrongPasswordReportsExpired(TargetServer server) throws Exception {
        try (var sessions = new ClientSessions(server)) {
            ZooKeeper original = sessions.open();
            byte[] wrong = original.getSessionPasswd().clone();
            wrong[0] ^= 0x5a;
            var log = new EventLog();
            try (var impostor = new ZooKeeper(server.connectString(), ClientSessions.SESSION_TIMEOUT_MILLIS, log,
                    original.getSessionId(), wrong)) {
                log.awaitState(KeeperState.Expired);
                assertThat(impostor.getState().isAlive()).isFalse();
            }
        }
    }
}
