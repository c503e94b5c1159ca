package dev.glasshouse.samples.masterworker;

/** What a worker does with a task: called on the worker's own thread, one task at a time. */
@FunctionalInterface
public interface TaskHandler {

    /** Executes {@code payload} of {@code task} and returns the result the client will read. */
    String execute(String task, String payload) throws InterruptedException;
}
