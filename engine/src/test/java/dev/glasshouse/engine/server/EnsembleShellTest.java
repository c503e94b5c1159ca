package dev.glasshouse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ensemble prompt's parsing and dispatch, against a fake ensemble of three members. */
class EnsembleShellTest {
    private final FakeEnsemble ensemble = new FakeEnsemble();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EnsembleShell shell =
            new EnsembleShell(ensemble, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void killingTheLeaderKillsThatMemberAndExplainsTheElection() throws Exception {
        run("kill 2\nleader\nrestart 2\nstatus\n");

        assertThat(ensemble.calls).containsExactly("kill 2", "restart 2", "close");
        assertThat(output()).contains("Killed member 2 (pid 102) with SIGKILL.", "It was the leader",
                "Leader: member 3 (127.0.0.1:2183)", "Member 2 (pid 202) serves again as follower.",
                "2    202      follower     127.0.0.1:2182", "Stopped.");
    }

    @Test
    void statusShowsEveryMemberWithPidModeAndClientPort() throws Exception {
        ensemble.kill(1);
        ensemble.calls.clear();
        run("status\n");

        assertThat(output()).contains("id   pid      mode         client", "1    -        down         127.0.0.1:2181",
                "2    102      leader       127.0.0.1:2182", "3    103      follower     127.0.0.1:2183");
    }

    @Test
    void pausingTheLeaderFreezesItAndExplainsWhatTheOthersDo() throws Exception {
        run("pause 2\nresume 2\n");

        assertThat(ensemble.calls).containsExactly("pause 2", "resume 2", "close");
        assertThat(output()).contains("Paused member 2 (pid 102) with SIGSTOP; 'resume 2' lets it run on.",
                "It was the leader", "Resumed member 2 (pid 102)");
    }

    @Test
    void quitStopsEveryMemberAndIgnoresWhatFollows() throws Exception {
        run("stop 3\nquit\nkill 1\n");

        assertThat(ensemble.calls).containsExactly("stop 3", "close");
        assertThat(output()).contains("Stopped member 3 (pid 103) with SIGTERM.");
    }

    @Test
    void endOfInputQuits() throws Exception {
        run("");

        assertThat(ensemble.calls).containsExactly("close");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kill          | Say which member: kill N (members are 1..3).",
            "kill 9        | There is no member 9; members are 1..3.",
            "restart two   | 'two' is not a member id; members are 1..3.",
            "dance         | Unknown command 'dance'. Commands: status",
            "restart 1     | restart failed: member 1 did not come back"})
    void aMistakeIsExplainedAndThePromptCarriesOn(String line, String answer) throws Exception {
        ensemble.failRestart = true;
        run(line + "\nleader\n");

        assertThat(output()).contains(answer, "Leader: member 2");
        assertThat(ensemble.calls).doesNotContain("kill 9").endsWith("close");
    }

    @Test
    void parsesServersObserversAndDirectory() {
        assertThat(EnsembleCommand.Options.parse(List.of("--servers", "5", "--observers", "1", "--dir", "x")))
                .isEqualTo(new EnsembleCommand.Options(5, 1, Path.of("x"), OptionalInt.empty()));
        assertThat(EnsembleCommand.Options.parse(List.of("--dir", "x")))
                .isEqualTo(new EnsembleCommand.Options(3, 0, Path.of("x"), OptionalInt.empty()));
        assertThat(EnsembleCommand.Options.parse(List.of("--snap-count", "50", "--dir", "x")))
                .isEqualTo(new EnsembleCommand.Options(3, 0, Path.of("x"), OptionalInt.of(50)));
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--snap-count", "1", "--dir", "x")))
                .hasMessageContaining("--snap-count must be 2 or more");
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--servers", "3")))
                .hasMessageContaining("--dir DIR is required");
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--servers", "three", "--dir", "x")))
                .hasMessageContaining("--servers takes a number");
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--servers", "0", "--dir", "x")))
                .hasMessageContaining("--servers must be 1 or more");
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--dir")))
                .hasMessageContaining("--dir needs a value");
        assertThatThrownBy(() -> EnsembleCommand.Options.parse(List.of("--color", "red")))
                .hasMessageContaining("unknown option --color");
    }

    @Test
    void badOptionsPrintUsageAndExitWithTwo() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"ensemble", "--servers", "x"}, new PrintStream(bytes, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--servers takes a number",
                "glasshouse-engine ensemble --servers 3");
    }

    private void run(String input) throws IOException, InterruptedException {
        shell.run(new BufferedReader(new StringReader(input)));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Three members on 2181..2183, member 2 leading; a kill moves the lead to the next live member. */
    private static final class FakeEnsemble implements EnsembleControl {
        final List<String> calls = new ArrayList<>();
        final Map<Integer, Long> pids = new HashMap<>(Map.of(1, 101L, 2, 102L, 3, 103L));
        boolean failRestart;
        int leader = 2;

        @Override
        public String connectString() {
            return "127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183";
        }

        @Override
        public List<Integer> memberIds() {
            return List.of(1, 2, 3);
        }

        @Override
        public int clientPort(int id) {
            return 2180 + id;
        }

        @Override
        public OptionalLong pid(int id) {
            return pids.containsKey(id) ? OptionalLong.of(pids.get(id)) : OptionalLong.empty();
        }

        @Override
        public Optional<String> mode(int id) {
            if (!pids.containsKey(id)) {
                return Optional.empty();
            }
            return Optional.of(id == leader ? "leader" : "follower");
        }

        @Override
        public OptionalInt leaderId() {
            return OptionalInt.of(leader);
        }

        @Override
        public void kill(int id) {
            calls.add("kill " + id);
            pids.remove(id);
            if (id == leader) {
                leader = id % 3 + 1;
            }
        }

        @Override
        public void pause(int id) {
            calls.add("pause " + id);
        }

        @Override
        public void resume(int id) {
            calls.add("resume " + id);
        }

        @Override
        public void stop(int id) {
            calls.add("stop " + id);
            pids.remove(id);
        }

        @Override
        public void restart(int id) throws IOException {
            calls.add("restart " + id);
            if (failRestart) {
                throw new IOException("member " + id + " did not come back");
            }
            pids.put(id, 200L + id);
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
