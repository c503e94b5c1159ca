package dev.glasshouse.engine.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble on this machine: Glasshouse members started as child JVMs on 127.0.0.1, each in
 * {@code DIR/member-N/} with its own {@code zoo.cfg}, {@code data/myid} and {@code member.log}. Members
 * are named by id ({@code myid}): voters are 1..V, observers V+1..V+O. One voter and no observers is
 * a standalone member; anything else is a replicated ensemble with {@code server.N} lines.
 *
 * <p>Each member gets three free loopback ports (client, quorum, election) for its whole life, so
 * {@link #restart(int)} brings it back on the same ports and data directory and it recovers from
 * there. The AdminServer is off ({@code admin.enableServer=false}): a demo ensemble would otherwise
 * need a fourth port per member and must never fight the web console for 8080; every four-letter
 * word is on instead ({@code echo mntr | nc 127.0.0.1 PORT}). {@link MemberConfig} explains the
 * timing. Ends only the processes it started, through their handles. Thread-safe.
 */
public final class LocalEnsemble implements EnsembleControl {
    private static final Logger log = LoggerFactory.getLogger(LocalEnsemble.class);
    /** How long start and restart wait for members to serve: five JVMs share two cores in CI. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> VOTER_MODES = Set.of("leader", "follower", "standalone");
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Path directory;
    private final int voters;
    private final OptionalInt snapCount;
    private final List<LocalMember> members;

    private LocalEnsemble(Path directory, int voters, OptionalInt snapCount, List<LocalMember> members) {
        this.directory = directory;
        this.voters = voters;
        this.snapCount = snapCount;
        this.members = List.copyOf(members);
    }

    /** Starts {@code memberCount} voters, as {@link #start(Path, int, int)} with no observers. */
    public static LocalEnsemble start(Path directory, int memberCount) throws IOException, InterruptedException {
        return start(directory, memberCount, 0);
    }

    /**
     * Writes every member's configuration under {@code directory}, starts them all and returns once a
     * quorum of voters serves (a leader and enough followers, or the standalone member).
     */
    public static LocalEnsemble start(Path directory, int voters, int observers) throws IOException,
            InterruptedException {
        return start(directory, voters, observers, OptionalInt.empty());
    }

    /**
     * Like {@link #start(Path, int, int)}, with members snapshotting every {@code snapCount} or so
     * transactions when present: a small count shows a member catching up from the leader's state.
     */
    public static LocalEnsemble start(Path directory, int voters, int observers, OptionalInt snapCount)
            throws IOException, InterruptedException {
        if (snapCount.isPresent() && snapCount.getAsInt() < 2) {
            throw new IllegalArgumentException("snapCount must be 2 or more, not " + snapCount.getAsInt());
        }
        if (voters < 1 || observers < 0 || voters + observers > 255) {
            throw new IllegalArgumentException("an ensemble needs 1 or more voters, 0 or more observers and"
                    + " at most 255 members; asked for voters=" + voters + " observers=" + observers);
        }
        List<MemberPorts> ports = MemberPorts.pick(voters + observers);
        List<LocalMember> members = new ArrayList<>();
        for (int id = 1; id <= ports.size(); id++) {
            members.add(new LocalMember(id, directory.resolve("member-" + id), ports.get(id - 1)));
        }
        LocalEnsemble ensemble = new LocalEnsemble(directory.toAbsolutePath(), voters, snapCount, members);
        try {
            ensemble.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            ensemble.close();
            throw e;
        }
        return ensemble;
    }

    private void startAll() throws IOException, InterruptedException {
        Files.createDirectories(directory);
        List<String> serverLines = MemberConfig.serverLines(members, voters);
        synchronized (this) {
            for (LocalMember member : members) {
                member.writeConfig(MemberConfig.lines(member, serverLines, isObserver(member.id()), snapCount));
                member.start(MemberConfig.command(member));
                log.info("Started member id={} clientPort={} dir={}", member.id(), member.ports().client(),
                        member.directory());
            }
        }
        await(this::quorumServes, START_TIMEOUT, "a quorum of " + quorumSize() + " voters to serve", true);
        log.info("Ensemble serving connectString={} leader={}", connectString(), leaderId());
    }

    @Override
    public String connectString() {
        return members.stream().map(member -> "127.0.0.1:" + member.ports().client())
                .collect(Collectors.joining(","));
    }

    /** The connect string of one member alone, to read what exactly that member holds. */
    public String connectString(int id) {
        return "127.0.0.1:" + clientPort(id);
    }

    @Override
    public List<Integer> memberIds() {
        return IntStream.rangeClosed(1, members.size()).boxed().toList();
    }

    public int size() {
        return members.size();
    }

    public boolean isObserver(int id) {
        member(id);
        return id > voters;
    }

    /** Votes needed for a quorum: a majority of the voters. */
    public int quorumSize() {
        return voters / 2 + 1;
    }

    @Override
    public int clientPort(int id) {
        return member(id).ports().client();
    }

    public Path directory() {
        return directory;
    }

    /** {@code DIR/member-N}: {@code zoo.cfg}, {@code member.log} and {@code data/}. */
    public Path memberDirectory(int id) {
        return member(id).directory();
    }

    public synchronized boolean isRunning(int id) {
        return member(id).isAlive();
    }

    @Override
    public synchronized OptionalLong pid(int id) {
        return member(id).pid();
    }

    @Override
    public Optional<String> mode(int id) {
        // Asked without the lock: a probe can take seconds and must not hold up kill or close.
        return isRunning(id) ? MemberProbe.mode(clientPort(id)) : Optional.empty();
    }

    @Override
    public OptionalInt leaderId() {
        for (int id : memberIds()) {
            if (mode(id).filter("leader"::equals).isPresent()) {
                return OptionalInt.of(id);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public synchronized void kill(int id) throws InterruptedException {
        LocalMember member = member(id);
        OptionalLong pid = member.pid();
        member.kill();
        log.info("Killed member id={} pid={}", id, pid.isPresent() ? pid.getAsLong() : "none");
    }

    @Override
    public synchronized void pause(int id) throws InterruptedException {
        LocalMember member = member(id);
        member.signal("STOP");
        log.info("Paused member id={} pid={}", id, member.pid().orElse(-1));
    }

    @Override
    public synchronized void resume(int id) throws InterruptedException {
        LocalMember member = member(id);
        member.signal("CONT");
        log.info("Resumed member id={} pid={}", id, member.pid().orElse(-1));
    }

    @Override
    public synchronized void stop(int id) throws InterruptedException {
        LocalMember member = member(id);
        OptionalLong pid = member.pid();
        member.stop();
        log.info("Stopped member id={} pid={}", id, pid.isPresent() ? pid.getAsLong() : "none");
    }

    /** Starts the member again on the same ports and data directory and waits until it serves. */
    @Override
    public void restart(int id) throws IOException, InterruptedException {
        LocalMember member = member(id);
        synchronized (this) {
            member.stop();
            member.start(MemberConfig.command(member));
            log.info("Restarted member id={} pid={}", id, member.pid().orElse(-1));
        }
        awaitServing(id, START_TIMEOUT);
    }

    /** Waits until the member answers {@code srvr} with a mode; fails early if its JVM exits. */
    public void awaitServing(int id, Duration timeout) throws IOException, InterruptedException {
        LocalMember member = member(id);
        await(() -> {
            exitedEarly(member);
            return mode(id).isPresent();
        }, timeout, "member " + id + " to serve", false);
    }

    /** Waits until a majority of voters serve with a leader among them. */
    public void awaitQuorum(Duration timeout) throws IOException, InterruptedException {
        await(this::quorumServes, timeout, "a quorum of " + quorumSize() + " voters to serve", false);
    }

    /** Waits until every running member serves. */
    public void awaitAllServing(Duration timeout) throws IOException, InterruptedException {
        await(() -> memberIds().stream().allMatch(id -> !isRunning(id) || mode(id).isPresent()), timeout,
                "every running member to serve", false);
    }

    private boolean quorumServes() {
        List<String> modes = IntStream.rangeClosed(1, voters).mapToObj(this::mode)
                .flatMap(Optional::stream).filter(VOTER_MODES::contains).toList();
        return modes.size() >= quorumSize() && (modes.contains("leader") || modes.contains("standalone"));
    }

    private void await(BooleanSupplier condition, Duration timeout, String what, boolean starting)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (starting) {
                members.forEach(this::exitedEarly);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + ". Members' logs are in " + directory + "/member-N/member.log.");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void exitedEarly(LocalMember member) {
        member.exitCode().ifPresent(code -> {
            throw new IllegalStateException("Member " + member.id() + " exited with code " + code
                    + " before serving; see " + member.logFile() + ".");
        });
    }

    private LocalMember member(int id) {
        if (id < 1 || id > members.size()) {
            throw new IllegalArgumentException("no member " + id + "; members are 1.." + members.size());
        }
        return members.get(id - 1);
    }

    /** Stops every member gracefully (SIGTERM, SIGKILL after 10 s), in parallel so close is quick. */
    @Override
    public synchronized void close() {
        for (LocalMember member : members) {
            member.signalStop();
        }
        for (LocalMember member : members) {
            try {
                member.stop();
            } catch (InterruptedException e) {
                // No time left to wait politely: make sure no member outlives its ensemble.
                members.forEach(LocalMember::killNow);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
