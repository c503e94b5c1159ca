package dev.glasshouse.samples.testing;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Narrator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A narrator that remembers every line, so a test can wait for a participant to reach a step
 * ("bob ... waits for") instead of sleeping. Thread-safe.
 */
public final class Transcript implements Narrator {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void say(String who, String what) {
        lines.add(who + " " + what);
        notifyAll();
    }

    /** Blocks until {@code who} has said something containing {@code text}, {@code times} times. */
    public synchronized void await(String who, String text, int times, Deadline deadline)
            throws InterruptedException, TimeoutException {
        while (count(who, text) < times) {
            deadline.check(who + " to say \"" + text + "\" " + times + " times; transcript so far:\n"
                    + String.join("\n", lines));
            wait(Math.max(1, deadline.remainingMillis()));
        }
    }

    public void await(String who, String text, Deadline deadline) throws InterruptedException, TimeoutException {
        await(who, text, 1, deadline);
    }

    public synchronized int count(String who, String text) {
        int count = 0;
        for (String line : lines) {
            if (line.startsWith(who + " ") && line.contains(text)) {
                count++;
            }
        }
        return count;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
