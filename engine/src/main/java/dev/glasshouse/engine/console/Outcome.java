package dev.glasshouse.engine.console;

import java.util.Optional;

/** The result of a console action: what was done, in words, or the problem that stopped it. */
public record Outcome(Optional<String> done, Optional<Problem> problem) {
    static Outcome done(String text) {
        return new Outcome(Optional.of(text), Optional.empty());
    }

    static Outcome failed(Problem problem) {
        return new Outcome(Optional.empty(), Optional.of(problem));
    }

    public boolean succeeded() {
        return done.isPresent();
    }
}
