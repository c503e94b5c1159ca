package dev.glasshouse.engine.console;

import dev.glasshouse.engine.client.ClientClosedException;
import dev.glasshouse.engine.client.ZkException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Something that failed, as a console shows it: one sentence saying what failed on what and what
 * to do next, plus details for the curious. Never a stack trace. Immutable.
 */
public record Problem(String summary, String details) {

    /** Explains a failed action such as "Reading /app/config" in the user's terms. */
    public static Problem of(String action, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ZkException zk) {
            return new Problem(action + " failed: " + advice(zk), zk.code() + " " + zk.getMessage());
        }
        if (cause instanceof ClientClosedException) {
            return new Problem(action + " failed: the connection was closed. Connect again to continue.",
                    String.valueOf(cause.getMessage()));
        }
        if (cause instanceof TimeoutException) {
            return new Problem(action + " failed: the server did not answer in time. Check that it is running"
                    + " and reachable, then retry.", String.valueOf(cause.getMessage()));
        }
        return new Problem(action + " failed unexpectedly. Retry; if it keeps failing, reconnect.",
                cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static String advice(ZkException failure) {
        return switch (failure.code()) {
            case NO_NODE -> "the node does not exist (any more). Refresh the tree.";
            case NODE_EXISTS -> "a node with that name already exists. Choose another name.";
            case BAD_VERSION -> "someone else changed the node since you loaded it. Reload it and apply your"
                    + " change again.";
            case NOT_EMPTY -> "the node has children. Delete them first, or delete recursively.";
            case NO_AUTH -> "you are not allowed to do this. Add credentials (digest user) with the needed"
                    + " permission.";
            case NO_CHILDREN_FOR_EPHEMERALS -> "ephemeral nodes cannot have children.";
            case INVALID_ACL -> "the ACL is not valid. Use world:anyone, digest:user:hash, ip:addr/bits or auth.";
            case BAD_ARGUMENTS -> "the path or arguments are not valid. Paths start with / and have no empty,"
                    + " . or .. parts.";
            case UNIMPLEMENTED -> "the server does not support this (TTL nodes need extendedTypesEnabled=true).";
            case CONNECTION_LOSS -> "the connection to the server was lost. It reconnects by itself; retry once"
                    + " it is connected.";
            case SESSION_EXPIRED -> "the session expired. Reconnect to start a new one.";
            case QUOTA_EXCEEDED -> "a hard quota on this part of the tree would be exceeded.";
            default -> "the server answered " + failure.code() + ".";
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
