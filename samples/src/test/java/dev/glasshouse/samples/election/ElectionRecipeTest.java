package dev.glasshouse.samples.election;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leader election with a backup taking over when the leader's session closes or expires. */
@Timeout(60)
abstract class ElectionRecipeTest extends RecipeTest {
    private final List<Participant> participants = new ArrayList<>();
    private final List<CountDownLatch> ousted = new ArrayList<>();

    @Test
    void exactlyOneLeaderAndOnlyTheNextCandidateIsWokenWhenItCrashes() throws Exception {
        List<LeaderElection> candidates = joinCandidates(4);
        candidates.get(0).awaitLeadership(deadline());
        assertThat(leaders(candidates)).containsExactly(0);

        crash(participants.get(0));
        candidates.get(1).awaitLeadership(deadline());
        assertThat(leaders(candidates.subList(1, 4))).containsExactly(0);
        assertThat(LeaderElection.currentLeader(participants.get(3).zk(), root + "/election")).contains("c1");
        assertThat(candidates.get(1).wakeUps()).isEqualTo(1);
        assertThat(candidates.get(2).wakeUps()).isZero();
        assertThat(candidates.get(3).wakeUps()).isZero();
    }

    @Test
    void aBackupTakesOverWhenTheLeaderSessionExpiresAndTheOldLeaderIsTold() throws Exception {
        List<LeaderElection> candidates = joinCandidates(2);
        candidates.get(0).awaitLeadership(deadline());

        expire(participants.get(0));
        candidates.get(1).awaitLeadership(deadline());
        assertThat(ousted.get(0).await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(candidates.get(0).isLeader()).isFalse();
        assertThat(candidates.get(1).isLeader()).isTrue();
    }

    @Test
    void aBackupThatLeavesMakesOnlyItsSuccessorLookAgain() throws Exception {
        List<LeaderElection> candidates = joinCandidates(4);
        candidates.get(0).awaitLeadership(deadline());

        crash(participants.get(2));
        transcript.await("c3", "is a backup; watches", 2, deadline());
        assertThat(candidates.get(3).wakeUps()).isEqualTo(1);
        assertThat(candidates.get(1).wakeUps()).isZero();
        assertThat(candidates.get(0).isLeader()).isTrue();

        crash(participants.get(0));
        candidates.get(1).awaitLeadership(deadline());
        assertThat(candidates.get(3).isLeader()).isFalse();
        assertThat(candidates.get(3).wakeUps()).isEqualTo(1);
    }

    @Test
    void leadershipPassesDownTheLineOneAtATime() throws Exception {
        List<LeaderElection> candidates = joinCandidates(3);
        for (int i = 0; i < 3; i++) {
            candidates.get(i).awaitLeadership(deadline());
            assertThat(leaders(candidates.subList(i, 3))).containsExactly(0);
            crash(participants.get(i));
        }
        assertThat(transcript.lines()).filteredOn(line -> line.contains("is the LEADER"))
                .extracting(line -> line.substring(0, 2)).containsExactly("c0", "c1", "c2");
    }

    private List<LeaderElection> joinCandidates(int count) throws Exception {
        participants.clear();
        ousted.clear();
        List<LeaderElection> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Participant p = participant("c" + i);
            CountDownLatch lost = new CountDownLatch(1);
            LeaderElection election = new LeaderElection(p, root + "/election", new LeadershipListener() {
                @Override
                public void elected() {
                }

                @Override
                public void ousted() {
                    lost.countDown();
                }
            });
            election.join();
            participants.add(p);
            ousted.add(lost);
            candidates.add(election);
        }
        return candidates;
    }

    private static List<Integer> leaders(List<LeaderElection> candidates) {
        List<Integer> leading = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).isLeader()) {
                leading.add(i);
            }
        }
        return leading;
    }
}
