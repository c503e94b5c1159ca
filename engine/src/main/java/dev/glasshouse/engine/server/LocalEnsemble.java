package dev.glasshouse.engine.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo ensemble on this machine: Glasshouse members started as child JVMs on 127.0.0.1, each
 * with its own zoo.cfg and data directory under one folder. One member until replication lands.
 * The consoles' "Start a local demo ensemble" and the samples use it. Ends only the processes it
 * started, through their handles: {@link #kill(int)} is SIGKILL, {@link #close()} stops them all.
 * Thread-safe.
 */
public final class LocalEnsemble implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalEnsemble.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path directory;
    private final List<Integer> clientPorts;
    private final Process[] members;

    private LocalEnsemble(Path directory, List<Integer> clientPorts) {
        this.directory = directory;
        this.clientPorts = List.copyOf(clientPorts);
        this.members = new Process[clientPorts.size()];
    }

    /** Writes the configurations, starts every member and returns once all accept clients. */
    public static LocalEnsemble start(Path directory, int memberCount) throws IOException, InterruptedException {
        if (memberCount != 1) {
            throw new IllegalArgumentException("a local ensemble has exactly 1 member until replication lands,"
                    + " asked for " + memberCount);
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < memberCount; i++) {
            ports.add(freePort());
        }
        LocalEnsemble ensemble = new LocalEnsemble(directory, ports);
        try {
            for (int index = 0; index < memberCount; index++) {
                ensemble.startMember(index);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            ensemble.close();
            throw e;
        }
        return ensemble;
    }

    /** The connect string of all members, e.g. {@code 127.0.0.1:41873}. */
    public String connectString() {
        return clientPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int size() {
        return members.length;
    }

    public synchronized boolean isRunning(int index) {
        return members[index] != null && members[index].isAlive();
    }

    /** Kills a member the way a crash would (SIGKILL): no shutdown hook, no goodbye to clients. */
    public synchronized void kill(int index) throws InterruptedException {
        Process member = members[index];
        if (member != null && member.isAlive()) {
            member.destroyForcibly();
            member.waitFor(10, TimeUnit.SECONDS);
            log.info("Killed demo member index={} pid={}", index, member.pid());
        }
    }

    /** Starts a stopped or killed member again with the same configuration and port. */
    public synchronized void restart(int index) throws IOException, InterruptedException {
        kill(index);
        startMember(index);
    }

    private synchronized void startMember(int index) throws IOException, InterruptedException {
        Path memberDir = Files.createDirectories(directory.resolve("member-" + (index + 1)));
        Path config = memberDir.resolve("zoo.cfg");
        Files.writeString(config, String.join("\n",
                "# Written by the local demo ensemble.",
                "tickTime=2000",
                "dataDir=" + memberDir.resolve("data").toAbsolutePath(),
                "clientPort=" + clientPorts.get(index),
                "clientPortAddress=127.0.0.1",
                "admin.enableServer=false",
                "4lw.commands.whitelist=*",
                ""), StandardCharsets.UTF_8);
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(javaBinary.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(memberDir.resolve("member.log").toFile())
                .start();
        members[index] = process;
        awaitClientPort(process, clientPorts.get(index), memberDir.resolve("member.log"));
        log.info("Started demo member index={} pid={} port={}", index, process.pid(), clientPorts.get(index));
    }

    private static void awaitClientPort(Process process, int port, Path logFile) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("demo member exited with code " + process.exitValue() + " before serving;"
                        + " see " + logFile);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                // The member is still starting; wait for the JVM rather than spin.
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        process.destroyForcibly();
        throw new IOException("demo member did not open port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops every member (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public synchronized void close() {
        for (Process member : members) {
            if (member == null || !member.isAlive()) {
                continue;
            }
            member.destroy();
            try {
                if (!member.waitFor(10, TimeUnit.SECONDS)) {
                    member.destroyForcibly();
                }
            } catch (InterruptedException e) {
                member.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
