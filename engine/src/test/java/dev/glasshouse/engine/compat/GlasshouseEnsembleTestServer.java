package dev.glasshouse.engine.compat;

import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.server.ReplicatedServer;
import dev.glasshouse.engine.server.config.EnsembleConfig;
import dev.glasshouse.engine.server.config.EnsembleMember;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.engine.testing.LoopbackPorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Three Glasshouse members replicating in this JVM, tuned like {@link GlasshouseTestServer}, with
 * clients sent to a follower: every write is forwarded to the leader, committed by a quorum and
 * answered by the follower, so a differential run against the reference standalone server checks
 * that replication changes nothing a client can see.
 */
final class GlasshouseEnsembleTestServer implements TargetServer {
    private static final int MEMBERS = 3;

    private final List<ReplicatedServer> members;
    private final int followerPort;

    private GlasshouseEnsembleTestServer(List<ReplicatedServer> members, int followerPort) {
        this.members = members;
        this.followerPort = followerPort;
    }

    static GlasshouseEnsembleTestServer start(Path dataDir, long containerCheckMillis) {
        SortedMap<Integer, EnsembleMember> lines = new TreeMap<>();
        int[] ports = LoopbackPorts.distinct(MEMBERS * 3);
        for (int id = 1; id <= MEMBERS; id++) {
            int first = (id - 1) * 3;
            lines.put(id, new EnsembleMember(id, "127.0.0.1", ports[first], ports[first + 1], false,
                    OptionalInt.of(ports[first + 2]), Optional.of("127.0.0.1")));
        }
        List<ReplicatedServer> members = new ArrayList<>();
        try {
            for (int id = 1; id <= MEMBERS; id++) {
                ServerConfig standalone = GlasshouseTestServer.config(dataDir.resolve("member-" + id),
                        lines.get(id).clientPort().getAsInt(), containerCheckMillis);
                members.add(ReplicatedServer.start(standalone.withEnsemble(
                        Optional.of(new EnsembleConfig(id, lines, 10, 5)))));
            }
            ReplicatedServer follower = awaitFollower(members);
            return new GlasshouseEnsembleTestServer(members, follower.clientPort());
        } catch (RuntimeException e) {
            members.forEach(ReplicatedServer::close);
            throw e;
        }
    }

    /** Waits until every member serves, then names one that follows. */
    private static ReplicatedServer awaitFollower(List<ReplicatedServer> members) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!members.stream().allMatch(ReplicatedServer::isServing)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ensemble did not serve within 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return members.stream().filter(member -> member.role() == Role.FOLLOWING).findFirst().orElseThrow();
    }

    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + followerPort;
    }

    @Override
    public int clientPort() {
        return followerPort;
    }

    @Override
    public void close() {
        members.forEach(ReplicatedServer::close);
    }
}
