package dev.glasshouse.engine.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumVerifierTest {
    @ParameterizedTest(name = "{0} voters need {1}")
    @CsvSource({"1, 1", "2, 2", "3, 2", "4, 3", "5, 3", "6, 4", "7, 4"})
    void majorityIsMoreThanHalfOfTheVoters(int voters, int majority) {
        QuorumVerifier verifier = new QuorumVerifier(ids(1, voters), ids(100, 3));

        assertThat(verifier.majority()).isEqualTo(majority);
        assertThat(verifier.containsQuorum(ids(1, majority))).isTrue();
        assertThat(verifier.containsQuorum(ids(1, majority - 1))).isFalse();
    }

    @ParameterizedTest(name = "voters 1..{0}, observers 100..{1}, set {2}: {3}")
    @CsvSource(delimiter = ';', value = {
        "3; 1; 1 2; true",
        "3; 1; 1 100; false",       // an observer does not make up for a missing voter
        "3; 2; 3 100 101; false",
        "5; 2; 1 2 100 101; false",
        "5; 2; 2 4 5; true",
        "5; 0; 1 2 2 2; false",     // duplicates count once
        "3; 0; 1 9; false",         // strangers do not count
        "3; 0; ; false"})
    void onlyDistinctVotersCount(int voters, int observers, String set, boolean quorum) {
        QuorumVerifier verifier = new QuorumVerifier(ids(1, voters), ids(100, observers));
        List<MemberId> members = set == null ? List.of()
                : List.of(set.split(" ")).stream().map(Long::parseLong).map(MemberId::of).toList();

        assertThat(verifier.containsQuorum(members)).isEqualTo(quorum);
    }

    @ParameterizedTest(name = "voters {0}")
    @CsvSource({"3", "5"})
    void observersAreMembersButNotVoters(int voters) {
        QuorumVerifier verifier = new QuorumVerifier(ids(1, voters), ids(100, 1));

        assertThat(verifier.isMember(MemberId.of(100))).isTrue();
        assertThat(verifier.isVoter(MemberId.of(100))).isFalse();
        assertThat(verifier.members()).hasSize(voters + 1);
    }

    @Test
    void rejectsAMemberThatIsBothVoterAndObserver() {
        assertThatThrownBy(() -> new QuorumVerifier(ids(1, 3), ids(3, 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overlap");
    }

    private static List<MemberId> ids(long first, int count) {
        return LongStream.range(first, first + count).mapToObj(MemberId::of).toList();
    }
}
