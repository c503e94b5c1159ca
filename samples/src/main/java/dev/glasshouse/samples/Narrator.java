package dev.glasshouse.samples;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Where recipes tell what they do, one line per step ("alice holds the lock"), so a teacher can
 * follow a demo while a console shows the znodes change. Implementations must be thread-safe:
 * participants and ZooKeeper event threads narrate concurrently.
 */
@FunctionalInterface
public interface Narrator {

    /** Says that {@code who} did or saw {@code what}. */
    void say(String who, String what);

    /** Stays silent: what tests use unless they want a transcript. */
    static Narrator silent() {
        return (who, what) -> { };
    }

    /** Prints {@code 12:00:01.250 [alice   ] holds the lock} lines to {@code out}. */
    static Narrator printingTo(PrintStream out) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        return (who, what) -> {
            String line = String.format("%s [%-9s] %s", LocalTime.now().format(clock), who, what);
            synchronized (out) {
                out.println(line);
            }
        };
    }
}
