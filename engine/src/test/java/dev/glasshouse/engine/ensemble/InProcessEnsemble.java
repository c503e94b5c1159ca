package dev.glasshouse.engine.ensemble;

import dev.glasshouse.engine.quorum.ReplicaEvent;
import dev.glasshouse.engine.quorum.Role;
import dev.glasshouse.engine.server.ReplicatedServer;
import dev.glasshouse.engine.server.config.ConfigException;
import dev.glasshouse.engine.server.config.ZooCfgParser;
import dev.glasshouse.engine.testing.LoopbackPorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An ensemble of {@link ReplicatedServer}s in this JVM, each with its own zoo.cfg, myid and data
 * directory under one folder, on free loopback ports. Stopping a member closes it; starting it
 * again recovers it from its directory on the same ports. For tests of the ensemble's semantics;
 * crashes of real processes are the ITs' job.
 */
final class InProcessEnsemble implements AutoCloseable {
    /**
     * Short ticks make failover quick (syncLimit 5 = half a second of silence); sessions may still
     * last 30 s, so a test's session outlives any failover it provokes.
     */
    static final int TICK_MILLIS = 100;

    private final Path directory;
    private final int voters;
    private final int[] clientPorts;
    private final String serverLines;
    private final String extraSettings;
    private final SortedMap<Integer, ReplicatedServer> running = new TreeMap<>();
    /** Events at which a member's event loop fails as a bug would, by member id. */
    private final Map<Integer, Predicate<ReplicaEvent>> bugs = new ConcurrentHashMap<>();
    /** Synchronizations and session events of every member, in the order they were reported. */
    private final List<ReplicaEvent> events = new CopyOnWriteArrayList<>();

    private InProcessEnsemble(Path directory, int voters, int observers, String extraSettings) throws IOException {
        this.directory = directory;
        this.extraSettings = extraSettings;
        this.voters = voters;
        int members = voters + observers;
        this.clientPorts = new int[members + 1];
        int[] ports = LoopbackPorts.distinct(members * 3);
        StringBuilder lines = new StringBuilder();
        for (int id = 1; id <= members; id++) {
            int first = (id - 1) * 3;
            clientPorts[id] = ports[first];
            lines.append("server.").append(id).append("=127.0.0.1:").append(ports[first + 1]).append(':')
                    .append(ports[first + 2]).append(id > voters ? ":observer" : ":participant").append(";127.0.0.1:")
                    .append(clientPorts[id]).append('\n');
        }
        this.serverLines = lines.toString();
    }

    static InProcessEnsemble start(Path directory, int voters, int observers) throws Exception {
        return start(directory, voters, observers, "");
    }

    /** An ensemble whose zoo.cfg files also hold {@code extraSettings} (whole lines). */
    static InProcessEnsemble start(Path directory, int voters, int observers, String extraSettings) throws Exception {
        InProcessEnsemble ensemble = new InProcessEnsemble(directory, voters, observers, extraSettings);
        for (int id = 1; id < ensemble.clientPorts.length; id++) {
            ensemble.startMember(id);
        }
        return ensemble;
    }

    void startMember(int id) throws IOException, ConfigException {
        Path dir = directory.resolve("member-" + id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("myid"), id + "\n", StandardCharsets.UTF_8);
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, "tickTime=" + TICK_MILLIS + "\ninitLimit=10\nsyncLimit=5\ndataDir=" + dir
                + "\nforceSync=no\nmaxSessionTimeout=30000\n4lw.commands.whitelist=*\nadmin.enableServer=false\n" + extraSettings + serverLines
                + (id > voters ? "peerType=observer\n" : ""), StandardCharsets.UTF_8);
        running.put(id, ReplicatedServer.start(ZooCfgParser.parse(cfg).config(), event -> {
            if (bugs.getOrDefault(id, none -> false).test(event)) {
                throw new AssertionError("a bug the test injected into member " + id + " at " + event);
            }
            if (event instanceof ReplicaEvent.LearnerSynced || event instanceof ReplicaEvent.SessionCreated
                    || event instanceof ReplicaEvent.SessionClosed || event instanceof ReplicaEvent.SessionExpired) {
                events.add(event);
            }
        }));
    }

    void stopMember(int id) {
        ReplicatedServer server = running.remove(id);
        if (server != null) {
            server.close();
        }
    }

    /** From now on, member {@code id}'s event loop fails on a bug at the first event {@code at} matches. */
    void injectBug(int id, Predicate<ReplicaEvent> at) {
        bugs.put(id, at);
    }

    /** How each leader brought each learner up to date, oldest first, since the ensemble started. */
    List<ReplicaEvent.LearnerSynced> syncs() {
        return events.stream().filter(ReplicaEvent.LearnerSynced.class::isInstance)
                .map(ReplicaEvent.LearnerSynced.class::cast).toList();
    }

    /** Every session event of every member, in the order reported. */
    List<ReplicaEvent> sessionEvents() {
        return events.stream().filter(event -> !(event instanceof ReplicaEvent.LearnerSynced)).toList();
    }

    ReplicatedServer member(int id) {
        return running.get(id);
    }

    List<Integer> runningIds() {
        return new ArrayList<>(running.keySet());
    }

    int clientPort(int id) {
        return clientPorts[id];
    }

    String connectString() {
        return connectString(runningIds());
    }

    String connectString(List<Integer> ids) {
        return ids.stream().map(id -> "127.0.0.1:" + clientPorts[id]).collect(Collectors.joining(","));
    }

    /** The member that leads and serves, once every running member serves in one epoch. */
    int awaitServing() {
        await(() -> running.values().stream().allMatch(ReplicatedServer::isServing) && leader().isPresent(),
                "every running member to serve under one leader");
        return leader().orElseThrow();
    }

    Optional<Integer> leader() {
        return running.entrySet().stream().filter(e -> e.getValue().role() == Role.LEADING && e.getValue().isServing())
                .map(e -> e.getKey()).findFirst();
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::stopMember);
    }
}
