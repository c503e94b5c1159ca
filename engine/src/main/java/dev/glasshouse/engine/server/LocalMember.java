package dev.glasshouse.engine.server;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One member of a {@link LocalEnsemble}: its directory ({@code member-N/} with {@code zoo.cfg},
 * {@code member.log} and {@code data/myid}), its ports and the child JVM it runs in, if any.
 * Ends only the process it started, through its handle. Guarded by the owning ensemble's lock.
 */
final class LocalMember {
    private static final long STOP_WAIT_SECONDS = 10;

    private final int id;
    private final Path directory;
    private final MemberPorts ports;
    private Process process;

    LocalMember(int id, Path directory, MemberPorts ports) {
        this.id = id;
        this.directory = directory;
        this.ports = ports;
    }

    int id() {
        return id;
    }

    MemberPorts ports() {
        return ports;
    }

    Path directory() {
        return directory;
    }

    Path config() {
        return directory.resolve("zoo.cfg");
    }

    Path logFile() {
        return directory.resolve("member.log");
    }

    /** Writes {@code zoo.cfg} and {@code data/myid}; the data directory itself is kept as it is. */
    void writeConfig(List<String> configLines) throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(data.resolve("myid"), id + "\n", StandardCharsets.US_ASCII);
        Files.write(config(), configLines, StandardCharsets.UTF_8);
    }

    /** Starts the member's JVM; its output is appended to {@code member.log}, so a crash's lines stay. */
    void start(List<String> command) throws IOException {
        Files.writeString(logFile(), "--- starting member " + id + " ---\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile().toFile()))
                .start();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code of a member that has ended; empty while it runs or if it never started. */
    Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    OptionalLong pid() {
        return isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** SIGKILL, as a crash or power cut would end it: no shutdown hook runs. Waits until it is gone. */
    void kill() throws InterruptedException {
        if (isAlive()) {
            process.destroyForcibly();
            process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Sends SIGTERM without waiting, so that several members can stop at once. */
    void signalStop() {
        if (isAlive()) {
            process.destroy();
        }
    }

    /** SIGKILL without waiting: the last resort when the caller is interrupted. */
    void killNow() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /**
     * SIGSTOP or SIGCONT to this member's own process, through the kill command (Java offers neither).
     * Fails when the signal could not be sent, unless the member ended meanwhile.
     */
    void signal(String signal) throws InterruptedException {
        if (!sendSignal(signal) && isAlive()) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    private boolean sendSignal(String signal) throws InterruptedException {
        if (!isAlive()) {
            return true;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            return kill.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot run kill -" + signal, e);
        }
    }

    /** SIGTERM, so the member closes its log and sessions' connections; SIGKILL if it lingers. */
    void stop() throws InterruptedException {
        if (isAlive()) {
            // A paused member would sit on SIGTERM until the timeout: let it run to handle it. A
            // member that is just exiting refuses the signal, which does not matter here.
            sendSignal("CONT");
            process.destroy();
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
