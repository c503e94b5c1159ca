package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glasshouse-engine ensemble} as an operator runs it: its own JVM, three member JVMs under
 * it, commands on stdin. Kills the leader, sees another one win, restarts the old one and quits.
 */
class EnsembleCommandIT {
    private static final Pattern MEMBER_ROW =
            Pattern.compile("^(\\d+)\\s+(\\d+|-)\\s+(\\w[\\w ]*?)\\s+127\\.0\\.0\\.1:\\d+$");
    private static final Pattern LEADER = Pattern.compile("^Leader: member (\\d+) ");

    // Kept when the test fails: the members' logs are what a failure report needs.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private PrintWriter commands;

    @Test
    @Timeout(150)
    void killsTheLeaderSeesANewOneRestartsTheOldOneAndStopsEverythingOnQuit() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process shell = new ProcessBuilder(java.toString(), "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ensemble", "--servers", "3", "--dir", dir.toString())
                .redirectErrorStream(true).start();
        List<Long> memberPids = new ArrayList<>();
        try {
            readLinesOf(shell);
            commands = new PrintWriter(shell.getOutputStream(), true, StandardCharsets.UTF_8);
            assertThat(awaitLine("Ensemble serving. Connect string: "))
                    .matches("Ensemble serving\\. Connect string: (127\\.0\\.0\\.1:\\d+,){2}127\\.0\\.0\\.1:\\d+");

            // The command returns once a quorum serves; the last follower may still be catching up.
            List<String> modes = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!modes.containsAll(List.of("leader", "follower")) || modes.contains("not serving")) {
                assertThat(System.nanoTime() - deadline).as("every member serving; saw %s", modes).isNegative();
                memberPids.clear();
                modes = status(memberPids);
            }
            assertThat(modes).containsExactlyInAnyOrder("leader", "follower", "follower");

            int leader = leader();
            commands.println("kill " + leader);
            awaitLine("Killed member " + leader + " (pid ");
            awaitLine("It was the leader");
            int newLeader = awaitNewLeader(leader);

            commands.println("restart " + leader);
            assertThat(awaitLine("Member " + leader + " (pid ")).endsWith("serves again as follower.");
            assertThat(leader()).isEqualTo(newLeader);

            commands.println("quit");
            awaitLine("Stopped.");
            assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(shell.exitValue()).isZero();
            for (long pid : memberPids) {
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("member pid %d", pid).isEmpty();
            }
        } finally {
            shell.destroyForcibly();
            // The shell's children would outlive a killed shell: end them by the pids it reported.
            memberPids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    private List<String> status(List<Long> pids) throws InterruptedException {
        commands.println("status");
        awaitLine("id   pid");
        List<String> modes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Matcher row = awaitRow();
            pids.add(Long.parseLong(row.group(2)));
            modes.add(row.group(3));
        }
        return modes;
    }

    private int leader() throws InterruptedException {
        commands.println("leader");
        String answer = awaitLine("Leader: member ", "No leader right now");
        Matcher matcher = LEADER.matcher(answer);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private int awaitNewLeader(int old) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int leader = leader();
            if (leader != 0 && leader != old) {
                return leader;
            }
        }
        throw new AssertionError("no new leader within 30 s of killing member " + old + "; logs in " + dir);
    }

    private void readLinesOf(Process shell) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "ensemble-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next status row; log lines in between are skipped. */
    private Matcher awaitRow() throws InterruptedException {
        for (int skipped = 0; skipped < 20; skipped++) {
            Matcher row = MEMBER_ROW.matcher(awaitLine(""));
            if (row.matches()) {
                return row;
            }
        }
        throw new AssertionError("no status row in 20 lines");
    }

    /** The next output line starting with one of the prefixes; other lines are skipped. */
    private String awaitLine(String... prefixes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            skipped.add(line);
        }
        throw new AssertionError("no line starting with " + List.of(prefixes) + "; saw " + skipped);
    }
}
