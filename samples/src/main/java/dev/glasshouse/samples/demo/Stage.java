package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Narrator;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Sessions;
import dev.glasshouse.samples.Znodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;

/**
 * What a demo runs on: the server, the number of participants, the pace, the narration, and the
 * participants' sessions and threads, all closed when the demo ends. Used by the demo's thread;
 * {@link #join} and {@link #inBackground} are safe from participant threads.
 */
public final class Stage implements AutoCloseable {
    private static final List<String> NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
            "heidi", "ivan", "judy");
    /** No demo step waits longer than this: every demo ends by itself. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String connectString;
    private final int participants;
    private final Duration pace;
    private final Narrator narrator;
    private final List<ZooKeeper> handles = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public Stage(String connectString, int participants, Duration pace, Narrator narrator) {
        this.connectString = connectString;
        this.participants = participants;
        this.pace = pace;
        this.narrator = narrator;
    }

    public int participants() {
        return participants;
    }

    /** The name of the i-th participant: alice, bob, carol, ... */
    public static String nameOf(int index) {
        String name = NAMES.get(index % NAMES.size());
        return index < NAMES.size() ? name : name + (index / NAMES.size() + 1);
    }

    /** A new participant with its own session. */
    public Participant join(String name) throws Exception {
        ZooKeeper zk = Sessions.open(connectString);
        synchronized (handles) {
            handles.add(zk);
        }
        Participant participant = new Participant(name, zk, narrator);
        participant.say("connects (session 0x" + Long.toHexString(zk.getSessionId()) + ")");
        return participant;
    }

    /** Wipes what an earlier run of {@code recipe} left behind and returns its root znode. */
    public String freshRoot(String recipe) throws Exception {
        String root = "/samples/" + recipe;
        Participant janitor = join("demo");
        Znodes.deleteTree(janitor.zk(), root);
        say("uses " + root + " (watch it change in a console)");
        return root;
    }

    /** Kills a participant: its session closes and the server deletes its ephemerals. */
    public void crash(Participant participant) throws InterruptedException {
        participant.say("CRASHES");
        participant.zk().close();
    }

    /** Ends a participant's session from outside, as an expiry would. */
    public void expire(Participant participant) throws Exception {
        participant.say("FREEZES: its session expires");
        Sessions.expire(participant.zk(), connectString);
    }

    /** Narration by the demo itself. */
    public void say(String what) {
        narrator.say("demo", what);
    }

    /** Slows the demo down so a human can follow; pace 0 in tests. */
    public void pause() throws InterruptedException {
        pause(1);
    }

    public void pause(int beats) throws InterruptedException {
        if (!pace.isZero()) {
            Thread.sleep(pace.toMillis() * beats);
        }
    }

    public <T> Future<T> inBackground(Callable<T> work) {
        return threads.submit(work);
    }

    /** Waits for a participant's work, at most {@link #PATIENCE}. */
    public static <T> T await(Future<T> work) throws Exception {
        return work.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (handles) {
            for (ZooKeeper zk : handles) {
                zk.close();
            }
        }
    }
}
