package dev.glasshouse.samples;

import org.apache.zookeeper.ZooKeeper;

/**
 * One process taking part in a recipe: its name (for the narration and the znode data), its own
 * ZooKeeper handle (hence its own session) and where it tells what it does. Crashing a participant
 * means ending that session.
 */
public record Participant(String name, ZooKeeper zk, Narrator narrator) {

    /** Narrates one step of this participant. */
    public void say(String what) {
        narrator.say(name, what);
    }
}
