package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Compacting a history to a snapshot and replacing it by a leader's image. */
class HistoryTest {
    private static final MemberId SELF = MemberId.of(1);

    private static Proposal proposal(long epoch, long counter) {
        return new Proposal(Zxid.of(epoch, counter), new byte[] {(byte) counter});
    }

    private static History appliedThrough(long counter) {
        History history = new History(SELF, new Epochs(1, 1), Zxid.ZERO, List.of(proposal(1, 1), proposal(1, 2),
                proposal(1, 3), proposal(1, 4)));
        history.commitThrough(Zxid.of(1, counter), new Outbox(SELF, 0));
        return history;
    }

    @Test
    void compactingDropsTheAppliedEntriesThroughTheSnapshotAndReplaysFromIt() {
        History history = appliedThrough(3);

        history.compact(Zxid.of(1, 2));

        assertThat(history.base()).isEqualTo(Zxid.of(1, 2));
        assertThat(history.contains(Zxid.of(1, 1))).as("compacted away").isFalse();
        assertThat(history.contains(Zxid.ZERO)).isFalse();
        assertThat(history.contains(Zxid.of(1, 2))).isTrue();
        assertThat(history.after(Zxid.of(1, 2))).containsExactly(proposal(1, 3), proposal(1, 4));
        assertThat(history.committedThrough()).isEqualTo(Zxid.of(1, 3));
        assertThat(history.firstUncommitted()).contains(proposal(1, 4));
        assertThat(history.lastZxid()).isEqualTo(Zxid.of(1, 4));
    }

    @Test
    void aSnapshotBeyondWhatIsAppliedOrNotInTheHistoryIsIgnored() {
        History history = appliedThrough(2);

        history.compact(Zxid.of(1, 3));
        history.compact(Zxid.of(1, 9));
        history.compact(Zxid.of(0, 0));

        assertThat(history.base()).isEqualTo(Zxid.ZERO);
        assertThat(history.after(Zxid.ZERO)).hasSize(4);
    }

    @Test
    void compactingEverythingAppliedLeavesTheBaseAsTheLastZxid() {
        History history = appliedThrough(4);

        history.compact(Zxid.of(1, 4));

        assertThat(history.lastZxid()).isEqualTo(Zxid.of(1, 4));
        assertThat(history.committedThrough()).isEqualTo(Zxid.of(1, 4));
        assertThat(history.after(Zxid.of(1, 4))).isEmpty();
        assertThat(history.durableState()).isEqualTo(new DurableState(1, Zxid.of(1, 4)));
    }

    @Test
    void installingAnImageReplacesTheLogAndTheAppliedState() {
        History history = appliedThrough(2);
        Outbox out = new Outbox(SELF, 0);
        StateImage image = new StateImage(Zxid.of(2, 5), new byte[] {9});

        history.install(image, out);
        history.append(proposal(2, 6), out);

        Effects effects = out.effects();
        assertThat(effects.install()).contains(image);
        assertThat(effects.toLog()).containsExactly(proposal(2, 6));
        assertThat(history.committedThrough()).isEqualTo(Zxid.of(2, 5));
        assertThat(history.syncedThrough()).isEqualTo(Zxid.of(2, 5));
        assertThat(history.lastZxid()).isEqualTo(Zxid.of(2, 6));
        assertThat(history.contains(Zxid.of(1, 1))).isFalse();
    }

    @Test
    void aHistoryRecoveredFromASnapshotStartsAppliedAtIt() {
        History history = new History(SELF, new Epochs(2, 2), Zxid.of(1, 7), List.of(proposal(2, 1)));

        assertThat(history.committedThrough()).isEqualTo(Zxid.of(1, 7));
        assertThat(history.syncedThrough()).isEqualTo(Zxid.of(2, 1));
        assertThat(history.contains(Zxid.of(1, 7))).isTrue();
        assertThat(history.after(Zxid.of(1, 7))).containsExactly(proposal(2, 1));
    }
}
