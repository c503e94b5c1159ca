package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.config.SharedConfig;
import java.util.ArrayList;
import java.util.List;

/** An operator updates a configuration live; every process applies it; a restarted one catches up. */
final class ConfigDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("config") + "/app";
        SharedConfig operator = new SharedConfig(stage.join("operator"), path);
        operator.publish("pool.size=4");
        List<Participant> people = new ArrayList<>();
        List<SharedConfig> followers = new ArrayList<>();
        for (int i = 0; i < stage.participants(); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            SharedConfig follower = new SharedConfig(p, path);
            follower.follow();
            people.add(p);
            followers.add(follower);
        }
        stage.pause(2);
        operator.publish("pool.size=8");
        stage.pause(2);
        stage.crash(people.get(0));
        operator.publish("pool.size=16");
        stage.pause(2);
        SharedConfig restarted = new SharedConfig(stage.join(people.get(0).name()), path);
        restarted.follow();
        for (SharedConfig follower : followers.subList(1, followers.size())) {
            follower.awaitVersion(2, Deadline.after(Stage.PATIENCE));
        }
        stage.say("every running process uses " + restarted.current().orElseThrow().text());
    }
}
