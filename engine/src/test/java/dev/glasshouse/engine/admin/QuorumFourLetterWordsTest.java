package dev.glasshouse.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.admin.api.QuorumState;
import dev.glasshouse.engine.net.ServerStats;
import dev.glasshouse.engine.request.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four-letter words and the metrics page of an ensemble member, from the {@link QuorumState} it
 * publishes: the {@code Mode:} and {@code Zxid:} lines, the quorum keys of {@code mntr}, {@code isro},
 * and ZooKeeper's refusal while the member is not serving.
 */
class QuorumFourLetterWordsTest {
    private static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests\n";

    static Stream<Arguments> servingMembers() {
        return Stream.of(
                Arguments.of("leader", (Supplier<QuorumState>) FakeQuorum::leader, "leader", "0x300000004"),
                Arguments.of("follower", (Supplier<QuorumState>) FakeQuorum::follower, "follower", "0x300000004"),
                Arguments.of("observer", (Supplier<QuorumState>) FakeQuorum::observer, "observer", "0x300000004"),
                Arguments.of("standalone", (Supplier<QuorumState>) () -> QuorumState.standalone(0), "standalone",
                        "0x0"),
                Arguments.of("read-only", (Supplier<QuorumState>) FakeQuorum::readOnly, "read-only", "0x300000004"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servingMembers")
    void srvrAndStatShowTheModeAndTheCommittedZxid(String name, Supplier<QuorumState> state, String mode,
                                                   String zxid) {
        FakeQuorum member = new FakeQuorum(state.get());
        for (String word : List.of("srvr", "stat")) {
            List<String> lines = member.word(word).lines().toList();
            assertThat(lines).as(word).contains("Mode: " + mode, "Zxid: " + zxid);
        }
        assertThat(member.status.mode()).isEqualTo(mode);
    }

    @Test
    void readOnlyMemberSaysSoAfterTheVersionLineAndAnswersRo() {
        FakeQuorum member = new FakeQuorum(FakeQuorum.readOnly());
        assertThat(member.word("srvr").lines().toList().get(1)).isEqualTo("READ-ONLY mode; serving only read-only"
                + " clients");
        assertThat(member.word("isro")).isEqualTo("ro");
        assertThat(mntr(member)).containsEntry("server_state", "read-only").containsEntry("peer_state", "looking");
    }

    @ParameterizedTest
    @ValueSource(strings = {"srvr", "stat", "mntr", "cons", "dump", "conf", "wchs", "wchc", "wchp", "dirs", "crst",
            "srst"})
    void lookingMemberRefusesTheWordsZooKeeperRefusesWhileNotServing(String word) {
        assertThat(new FakeQuorum(FakeQuorum.looking()).word(word)).isEqualTo(NOT_SERVING);
    }

    @Test
    void lookingMemberStillAnswersRuokEnviAndIsroNull() {
        FakeQuorum member = new FakeQuorum(FakeQuorum.looking());
        assertThat(member.word("ruok")).isEqualTo("imok");
        assertThat(member.word("envi")).startsWith("Environment:\n");
        assertThat(member.word("isro")).isEqualTo("null");
        assertThat(member.status.mode()).isEqualTo("looking");
        assertThat(member.status.serving()).isFalse();
    }

    @Test
    void servingMembersAnswerRwToIsro() {
        for (QuorumState state : List.of(FakeQuorum.leader(), FakeQuorum.follower(), FakeQuorum.observer(),
                QuorumState.standalone(0))) {
            assertThat(new FakeQuorum(state).word("isro")).as(state.mode().toString()).isEqualTo("rw");
        }
    }

    @Test
    void leaderMntrCountsLearnersAsZooKeeperDoes() {
        Map<String, String> mntr = mntr(new FakeQuorum(FakeQuorum.leader()));
        assertThat(mntr).containsEntry("server_state", "leader")
                .containsEntry("peer_state", "leading - broadcast")
                .containsEntry("quorum_size", "3")          // voters, observers excluded
                .containsEntry("learners", "3")             // every connected learner, synced or not
                .containsEntry("synced_followers", "1")
                .containsEntry("synced_non_voting_followers", "0")
                .containsEntry("synced_observers", "1")
                .containsEntry("pending_syncs", "1");
    }

    @Test
    void followerAndObserverReportTheirPeerStateWithoutLeaderKeys() {
        Map<String, String> follower = mntr(new FakeQuorum(FakeQuorum.follower()));
        assertThat(follower).containsEntry("server_state", "follower")
                .containsEntry("peer_state", "following - broadcast").containsEntry("quorum_size", "3")
                .containsEntry("synced_observers", "0").doesNotContainKeys("learners", "synced_followers");
        Map<String, String> observer = mntr(new FakeQuorum(FakeQuorum.observer()));
        assertThat(observer).containsEntry("server_state", "observer")
                .containsEntry("peer_state", "observing - broadcast")
                .doesNotContainKeys("learners", "synced_followers", "synced_observers");
    }

    @Test
    void standaloneMntrHasNoQuorumKeys() {
        assertThat(mntr(new FakeQuorum(QuorumState.standalone(0))).keySet())
                .doesNotContainAnyElementsOf(FakeQuorum.QUORUM_MNTR_KEYS)
                .contains("server_state");
    }

    @Test
    void constructorWithoutQuorumStatusReportsAStandaloneMemberWithTheConfiguredId() {
        MemberInspector unused = new MemberInspector() {
            @Override
            public <T> CompletableFuture<T> inspect(
                    Function<Pipeline, T> view) {
                throw new AssertionError("not inspected");
            }
        };
        MemberStatus status = new MemberStatus(unused, new ServerStats(),
                () -> new MemberConfiguration(2181, "/d", "/l", 2000, 60, 4000,
                        40000, 7, -1), StorageStatus.IN_MEMORY);
        assertThat(status.mode()).isEqualTo("standalone");
        assertThat(status.serving()).isTrue();
        assertThat(status.readOnly()).isFalse();
        assertThat(status.quorum()).isEqualTo(QuorumState.standalone(7));
    }

    @Test
    void publishedStateIsWhatTheNextWordReports() {
        FakeQuorum member = new FakeQuorum(FakeQuorum.looking());
        assertThat(member.word("srvr")).isEqualTo(NOT_SERVING);
        member.quorum.publish(FakeQuorum.follower());
        assertThat(member.word("srvr")).contains("Mode: follower\n");
    }

    @Test
    void metricsPageOfALeaderHasQuorumGauges() {
        FakeQuorum member = new FakeQuorum(FakeQuorum.leader());
        Map<String, PrometheusTextParser.Family> page = PrometheusTextParser.parse(
                PrometheusText.render(member.status, member.status.state().join()));
        Map<String, Double> expected = Map.of("quorum_size", 3.0, "learners", 3.0, "synced_followers", 1.0,
                "synced_observers", 1.0, "pending_syncs", 1.0, "election_round", 7.0, "current_epoch", 3.0,
                "accepted_epoch", 3.0);
        expected.forEach((name, value) -> {
            assertThat(page.get(name)).as(name).isNotNull();
            assertThat(page.get(name).type()).isEqualTo("gauge");
            assertThat(page.get(name).samples()).containsEntry(name, value);
        });
        assertThat(page).doesNotContainKey("peer_state");
    }

    @Test
    void metricsPageOfAStandaloneMemberHasNoQuorumGauges() {
        FakeQuorum member = new FakeQuorum(QuorumState.standalone(0));
        Map<String, PrometheusTextParser.Family> page = PrometheusTextParser.parse(
                PrometheusText.render(member.status, member.status.state().join()));
        assertThat(page).doesNotContainKeys("quorum_size", "learners", "election_round", "current_epoch",
                "accepted_epoch").containsKey("znode_count");
    }

    private static Map<String, String> mntr(FakeQuorum member) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : member.word("mntr").lines().toList()) {
            String[] parts = line.split("\t", 2);
            assertThat(parts).as(line).hasSize(2);
            assertThat(parts[0]).startsWith("zk_");
            values.put(parts[0].substring(3), parts[1]);
        }
        return values;
    }
}
