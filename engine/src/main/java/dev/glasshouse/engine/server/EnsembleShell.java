package dev.glasshouse.engine.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The operator's prompt of {@code glasshouse-engine ensemble}: reads one command a line
 * ({@code status}, {@code kill N}, {@code restart N}, {@code stop N}, {@code leader}, {@code help},
 * {@code quit}) and acts on an {@link EnsembleControl}. End of input quits; quitting stops every
 * member. A mistake in a command prints what went wrong and the prompt carries on. Used by one thread.
 */
public final class EnsembleShell {
    static final String HELP = "Commands: status | kill N (SIGKILL) | pause N (SIGSTOP) | resume N (SIGCONT)"
            + " | stop N (SIGTERM) | restart N | leader | help | quit (end of input quits too)";

    private final EnsembleControl ensemble;
    private final PrintStream out;

    public EnsembleShell(EnsembleControl ensemble, PrintStream out) {
        this.ensemble = ensemble;
        this.out = out;
    }

    /** Runs commands from {@code in} until {@code quit} or end of input, then stops every member. */
    public void run(BufferedReader in) throws IOException, InterruptedException {
        try {
            String line = in.readLine();
            while (line != null && execute(line)) {
                line = in.readLine();
            }
        } finally {
            out.println("Stopping every member.");
            ensemble.close();
            out.println("Stopped.");
        }
    }

    /** Executes one command line and says whether to read another ({@code false} after quit). */
    boolean execute(String line) throws InterruptedException {
        List<String> words = List.of(line.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        String command = words.get(0);
        if (command.isEmpty()) {
            return true;
        }
        if (command.equals("quit") || command.equals("exit")) {
            return false;
        }
        try {
            dispatch(command, words);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // A failed restart or a member that will not stop leaves the others running: say so and go on.
            out.println(command + " failed: " + e.getMessage());
        }
        return true;
    }

    private void dispatch(String command, List<String> words) throws Exception {
        switch (command) {
            case "status" -> status();
            case "leader" -> leader();
            case "help" -> out.println(HELP);
            case "kill" -> kill(memberArgument(words));
            case "stop" -> stop(memberArgument(words));
            case "pause" -> pause(memberArgument(words));
            case "resume" -> resume(memberArgument(words));
            case "restart" -> restart(memberArgument(words));
            default -> throw new IllegalArgumentException("Unknown command '" + command + "'. " + HELP);
        }
    }

    private int memberArgument(List<String> words) {
        List<Integer> ids = ensemble.memberIds();
        String range = "members are " + ids.get(0) + ".." + ids.get(ids.size() - 1);
        if (words.size() != 2) {
            throw new IllegalArgumentException("Say which member: " + words.get(0) + " N (" + range + ").");
        }
        int id;
        try {
            id = Integer.parseInt(words.get(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + words.get(1) + "' is not a member id; " + range + ".");
        }
        if (!ids.contains(id)) {
            throw new IllegalArgumentException("There is no member " + id + "; " + range + ".");
        }
        return id;
    }

    private void status() {
        out.printf("%-4s %-8s %-12s %s%n", "id", "pid", "mode", "client");
        for (int id : ensemble.memberIds()) {
            OptionalLong pid = ensemble.pid(id);
            Optional<String> mode = ensemble.mode(id);
            out.printf("%-4d %-8s %-12s 127.0.0.1:%d%n", id, pid.isPresent() ? Long.toString(pid.getAsLong()) : "-",
                    mode.orElse(pid.isPresent() ? "not serving" : "down"), ensemble.clientPort(id));
        }
    }

    private void leader() {
        OptionalInt leader = ensemble.leaderId();
        if (leader.isPresent()) {
            out.println("Leader: member " + leader.getAsInt() + " (127.0.0.1:" + ensemble.clientPort(leader.getAsInt())
                    + ")");
        } else {
            out.println("No leader right now: an election is under way, or fewer than a quorum of voters run.");
        }
    }

    private void kill(int id) throws InterruptedException {
        boolean leading = ensemble.mode(id).filter("leader"::equals).isPresent();
        OptionalLong pid = ensemble.pid(id);
        ensemble.kill(id);
        out.println("Killed member " + id + describe(pid) + " with SIGKILL.");
        if (leading) {
            out.println("It was the leader: the others notice within a few ticks and elect a new one;"
                    + " clients reconnect with the same sessions. Type 'leader' to see who won.");
        }
    }

    private void pause(int id) throws InterruptedException {
        boolean leading = ensemble.mode(id).filter("leader"::equals).isPresent();
        ensemble.pause(id);
        out.println("Paused member " + id + describe(ensemble.pid(id)) + " with SIGSTOP; 'resume " + id
                + "' lets it run on.");
        if (leading) {
            out.println("It was the leader: after syncLimit ticks of silence the others elect a new one, while the"
                    + " paused one still believes it leads. Its clients' syncs cannot complete: it must hear from a"
                    + " quorum first.");
        }
    }

    private void resume(int id) throws InterruptedException {
        ensemble.resume(id);
        out.println("Resumed member " + id + describe(ensemble.pid(id)) + ": it notices any new leader and rejoins.");
    }

    private void stop(int id) throws InterruptedException {
        OptionalLong pid = ensemble.pid(id);
        ensemble.stop(id);
        out.println("Stopped member " + id + describe(pid) + " with SIGTERM.");
    }

    private void restart(int id) throws Exception {
        out.println("Restarting member " + id + " on its ports and data directory...");
        ensemble.restart(id);
        out.println("Member " + id + describe(ensemble.pid(id)) + " serves again as "
                + ensemble.mode(id).orElse("(no answer yet)") + ".");
    }

    private static String describe(OptionalLong pid) {
        return pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : " (was not running)";
    }
}
