package dev.glasshouse.engine.net;

import java.util.concurrent.CompletableFuture;

/**
 * Answers ZooKeeper's four-letter words on the client port. Called on Netty threads, so
 * {@link #respond} must not block: it returns a future completed wherever the answer is ready.
 */
public interface FourLetterWordResponder {

    /** No words at all: every connection is a client connection. */
    FourLetterWordResponder NONE = new FourLetterWordResponder() {
        @Override
        public boolean recognises(String word) {
            return false;
        }

        @Override
        public CompletableFuture<String> respond(String word) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no four-letter words: " + word));
        }
    };

    /** Whether the first four bytes of a connection name a command rather than start a frame length. */
    boolean recognises(String word);

    /** The plain-text answer; the connection is closed once it is written. */
    CompletableFuture<String> respond(String word);
}
