package dev.glasshouse.engine.ensemble;

import static dev.glasshouse.engine.ensemble.EnsembleClients.syncAndRead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.glasshouse.engine.persist.FileDisk;
import dev.glasshouse.engine.persist.FileSnapshotStore;
import dev.glasshouse.engine.persist.Snapshot;
import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.SyncMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicated members snapshot every {@code snapCount} or so transactions and keep only the log
 * after their snapshot in memory: a member that fell behind the leader's snapshot is brought up to
 * date with the leader's state (SNAP), and every member restarts from its own snapshot.
 */
@Timeout(120)
class SnapshotReplicationTest {
    private static final int WRITES = 80;

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

    @Test
    void aMemberBehindTheLeadersSnapshotGetsItsStateAndEveryMemberRestartsFromItsSnapshot() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0, "snapCount=10\n");
        int leader = ensemble.awaitServing();
        int behind = leader == 1 ? 2 : 1;
        ZooKeeper writer = clients.connectTo(ensemble, leader);
        writer.create("/before", "kept".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT);
        assertThat(syncAndRead(clients.connectTo(ensemble, behind), "/before")).isEqualTo("kept");
        ensemble.stopMember(behind);

        writer.create("/snap", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        Stat last = null;
        for (int i = 0; i < WRITES; i++) {
            writer.create("/snap/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
            last = writer.setData("/snap/n" + i, ("w" + i).getBytes(StandardCharsets.UTF_8), 0);
        }
        long lastWrite = last.getMzxid();
        long stoppedAt = writer.exists("/snap", false).getCzxid() - 1;
        // Snapshots are written in the background; wait until the leader let go of what the stopped member lacks.
        InProcessEnsemble.await(() -> logBase(leader) > stoppedAt, "the leader to compact past the stopped member");
        assertThat(snapshots(leader).zxids()).isNotEmpty();

        ensemble.startMember(behind);
        ensemble.awaitServing();

        List<ReplicaEvent.LearnerSynced> syncs = ensemble.syncs().stream()
                .filter(sync -> sync.learner().equals(MemberId.of(behind))).toList();
        assertThat(syncs.get(syncs.size() - 1).mode()).as("how the stopped member caught up").isEqualTo(SyncMode.SNAP);
        assertThat(snapshots(behind).zxids()).as("the installed state, kept as a snapshot").isNotEmpty();
        assertEveryNodeOn(behind);

        for (int id : ensemble.runningIds()) {
            ensemble.stopMember(id);
        }
        for (int id = 1; id <= 3; id++) {
            ensemble.startMember(id);
        }
        ensemble.awaitServing();
        for (int id = 1; id <= 3; id++) {
            assertEveryNodeOn(id);
            assertThat(logBase(id)).as("member %d restarted from a snapshot", id).isPositive();
        }
        assertThat(lastWrite).isPositive();
    }

    @Test
    void aMemberRefusesToStartFromAStandaloneMembersSnapshot() throws Exception {
        Path data = directory.resolve("member-1").resolve("version-2");
        Files.createDirectories(data);
        new FileSnapshotStore(new FileDisk(data), FileSnapshotStore.Compression.NONE)
                .write(new Snapshot(5, List.of(), List.of()));

        assertThatThrownBy(() -> InProcessEnsemble.start(directory, 3, 0))
                .hasMessageContaining("Snapshot 0x5 in " + data + " was written by a standalone member (epoch 0)")
                .hasMessageContaining("move it aside");
    }

    /** The restore README describes: every member stopped, given only one snapshot file, and started. */
    @Test
    void anEnsembleRestoredFromOneSnapshotServesItAndTakesNewWrites() throws Exception {
        ensemble = InProcessEnsemble.start(directory, 3, 0, "snapCount=10\n");
        int leader = ensemble.awaitServing();
        ZooKeeper writer = clients.connectTo(ensemble, leader);
        writer.create("/snap", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < WRITES; i++) {
            writer.create("/snap/n" + i, ("w" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);
        }
        InProcessEnsemble.await(() -> logBase(leader) > 0, "a snapshot on the leader");
        clients.close();
        ensemble.close();
        Snapshot backup = snapshots(leader).loadNewest().orElseThrow();
        for (int id = 1; id <= 3; id++) {
            Path member = directory.resolve("member-" + id);
            Path data = member.resolve("version-2");
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            snapshots(id).write(backup);
        }

        for (int id = 1; id <= 3; id++) {
            ensemble.startMember(id);
        }
        int restoredLeader = ensemble.awaitServing();
        ZooKeeper after = clients.connectTo(ensemble, restoredLeader);
        Stat created = after.exists(after.create("/after", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT), false);

        assertThat(created.getCzxid()).as("new zxids follow the restored ones").isGreaterThan(backup.zxid());
        for (int id = 1; id <= 3; id++) {
            ZooKeeper reader = clients.connectTo(ensemble, id);
            assertThat(syncAndRead(reader, "/after")).isEmpty();
            assertThat(reader.getChildren("/snap", false)).as("member %d", id).isNotEmpty();
        }
    }

    private void assertEveryNodeOn(int member) throws Exception {
        ZooKeeper reader = clients.connectTo(ensemble, member);
        assertThat(syncAndRead(reader, "/before")).isEqualTo("kept");
        assertThat(reader.getChildren("/snap", false)).hasSize(WRITES);
        for (int i = 0; i < WRITES; i += 7) {
            assertThat(new String(reader.getData("/snap/n" + i, false, null), StandardCharsets.UTF_8))
                    .isEqualTo("w" + i);
        }
    }

    private long logBase(int member) {
        try {
            return ensemble.member(member).logBaseZxid();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FileSnapshotStore snapshots(int member) throws IOException {
        return new FileSnapshotStore(new FileDisk(directory.resolve("member-" + member).resolve("version-2")),
                FileSnapshotStore.Compression.NONE);
    }
}
