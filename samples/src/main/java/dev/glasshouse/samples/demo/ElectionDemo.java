package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.election.LeaderElection;
import dev.glasshouse.samples.election.LeadershipListener;
import java.util.ArrayList;
import java.util.List;

/** Candidates elect a leader; each leader in turn crashes (or freezes) and a backup takes over. */
final class ElectionDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("election") + "/candidates";
        List<Participant> people = new ArrayList<>();
        List<LeaderElection> candidates = new ArrayList<>();
        for (int i = 0; i < Math.max(2, stage.participants()); i++) {
            Participant p = stage.join(Stage.nameOf(i));
            LeaderElection election = new LeaderElection(p, path, new LeadershipListener() {
                @Override
                public void elected() {
                    p.say("starts serving as leader");
                }

                @Override
                public void ousted() {
                    p.say("stops serving as leader");
                }
            });
            election.join();
            people.add(p);
            candidates.add(election);
            stage.pause();
        }
        for (int i = 0; i < candidates.size() - 1; i++) {
            candidates.get(i).awaitLeadership(Deadline.after(Stage.PATIENCE));
            stage.pause(2);
            if (i % 2 == 0) {
                stage.crash(people.get(i));
            } else {
                stage.expire(people.get(i));
            }
        }
        candidates.get(candidates.size() - 1).awaitLeadership(Deadline.after(Stage.PATIENCE));
        stage.say("the last candidate leads; no moment had two live leaders");
    }
}
