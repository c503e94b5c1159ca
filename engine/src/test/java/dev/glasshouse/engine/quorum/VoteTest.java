package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoteTest {
    static Stream<Arguments> orders() {
        // challenger (leader, epoch, counter, peerEpoch), current, expected "challenger beats current"
        return Stream.of(
                Arguments.of(vote(1, 1, 0, 2), vote(3, 9, 9, 1), true),    // higher peer epoch wins over all
                Arguments.of(vote(3, 9, 9, 1), vote(1, 1, 0, 2), false),
                Arguments.of(vote(1, 2, 0, 1), vote(3, 1, 7, 1), true),    // same peer epoch: higher zxid epoch
                Arguments.of(vote(1, 1, 8, 1), vote(3, 1, 7, 1), true),    // same zxid epoch: higher counter
                Arguments.of(vote(1, 1, 6, 1), vote(3, 1, 7, 1), false),
                Arguments.of(vote(3, 1, 7, 1), vote(2, 1, 7, 1), true),    // same zxid: higher id
                Arguments.of(vote(2, 1, 7, 1), vote(3, 1, 7, 1), false),
                Arguments.of(vote(2, 1, 7, 1), vote(2, 1, 7, 1), false),   // equal votes do not beat each other
                Arguments.of(vote(1, 0, 0, 0), Vote.nobody(1), true),      // any real vote beats an observer's
                Arguments.of(Vote.nobody(1), vote(1, 0, 0, 0), false));
    }

    @ParameterizedTest(name = "{0} beats {1}: {2}")
    @MethodSource("orders")
    void votesAreOrderedByPeerEpochThenZxidThenId(Vote challenger, Vote current, boolean beats) {
        assertThat(challenger.beats(current)).isEqualTo(beats);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("orders")
    void theRoundIsNotPartOfTheOrder(Vote challenger, Vote current, boolean beats) {
        assertThat(challenger.inRound(7).beats(current.inRound(3))).isEqualTo(beats);
        assertThat(challenger.inRound(3).beats(current.inRound(7))).isEqualTo(beats);
    }

    private static Vote vote(long leader, long zxidEpoch, long counter, long peerEpoch) {
        return new Vote(MemberId.of(leader), Zxid.of(zxidEpoch, counter), 1, peerEpoch);
    }
}
