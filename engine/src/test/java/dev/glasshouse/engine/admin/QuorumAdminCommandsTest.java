package dev.glasshouse.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glasshouse.engine.admin.api.QuorumState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AdminServer's quorum commands ({@code leader}, {@code zabstate}, {@code voting_view},
 * {@code observers}) and Glasshouse's {@code quorum} command, as JSON, for each role; and
 * ZooKeeper's refusal of the other commands while the member is not serving.
 */
class QuorumAdminCommandsTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode run(QuorumState state, String command) {
        Map.Entry<Integer, Map<String, Object>> answer = new FakeQuorum(state).commands.run(command, Optional.empty())
                .join();
        assertThat(answer.getKey()).isEqualTo(200);
        return json.valueToTree(answer.getValue());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void leaderCommandNamesTheLeaderAndItsQuorumHost() {
        JsonNode onLeader = run(FakeQuorum.leader(), "leader");
        assertThat(onLeader.get("is_leader").asBoolean()).isTrue();
        assertThat(onLeader.get("leader_id").asLong()).isEqualTo(1);
        assertThat(onLeader.get("leader_ip").asText()).isEqualTo("10.0.0.1");
        JsonNode onFollower = run(FakeQuorum.follower(), "lead");
        assertThat(onFollower.get("command").asText()).isEqualTo("leader");
        assertThat(onFollower.get("is_leader").asBoolean()).isFalse();
        assertThat(onFollower.get("leader_id").asLong()).isEqualTo(1);
        assertThat(onFollower.get("leader_ip").asText()).isEqualTo("10.0.0.1");
    }

    @Test
    void zabstateHasZooKeeperFieldsForAQuorumMember() {
        JsonNode zab = run(FakeQuorum.follower(), "zabstate");
        assertThat(keys(zab)).containsExactlyInAnyOrder("myid", "is_leader", "quorum_address", "election_address",
                "client_address", "voting", "last_zxid", "zab_epoch", "zab_counter", "zabstate", "command", "error");
        assertThat(zab.get("myid").asLong()).isEqualTo(2);
        assertThat(zab.get("is_leader").asBoolean()).isFalse();
        assertThat(zab.get("quorum_address").asText()).isEqualTo("10.0.0.2:2888");
        assertThat(zab.get("election_address").asText()).isEqualTo("10.0.0.2:3888");
        assertThat(zab.get("client_address").asText()).isEqualTo("10.0.0.2:2181");
        assertThat(zab.get("voting").asBoolean()).isTrue();
        assertThat(zab.get("last_zxid").asText()).isEqualTo("0x300000004");
        assertThat(zab.get("zab_epoch").asLong()).isEqualTo(3);
        assertThat(zab.get("zab_counter").asLong()).isEqualTo(4);
        assertThat(zab.get("zabstate").asText()).isEqualTo("broadcast");
    }

    @Test
    void zabstateAnswersDuringAnElectionAndForObserversAsNotVoting() {
        JsonNode looking = run(FakeQuorum.looking(), "zabstate");
        assertThat(looking.get("error").isNull()).isTrue();
        assertThat(looking.get("zabstate").asText()).isEqualTo("election");
        assertThat(run(FakeQuorum.observer(), "zabstate").get("voting").asBoolean()).isFalse();
        JsonNode standalone = run(QuorumState.standalone(0), "zabstate");
        assertThat(keys(standalone)).containsExactlyInAnyOrder("voting", "zabstate", "command", "error");
    }

    @Test
    void votingViewListsTheVotersInZooKeepersServerViewLayout() {
        JsonNode config = run(FakeQuorum.observer(), "voting_view").get("current_config");
        assertThat(keys(config)).containsExactly("1", "2", "3");
        JsonNode two = config.get("2");
        assertThat(keys(two)).containsExactlyInAnyOrder("serverAddresses", "electionAddresses", "clientAddress",
                "learnerType");
        assertThat(two.get("serverAddresses").get(0).asText()).isEqualTo("10.0.0.2:2888");
        assertThat(two.get("electionAddresses").get(0).asText()).isEqualTo("10.0.0.2:3888");
        assertThat(two.get("clientAddress").asText()).isEqualTo("10.0.0.2:2181");
        assertThat(two.get("learnerType").asText()).isEqualTo("participant");
        assertThat(keys(run(QuorumState.standalone(0), "voting_view").get("current_config"))).isEmpty();
    }

    @Test
    void observersListsTheLeadersSyncedObserversOnly() {
        JsonNode onLeader = run(FakeQuorum.leader(), "observers");
        assertThat(onLeader.get("synced_observers").asInt()).isEqualTo(1);
        assertThat(onLeader.get("observers")).hasSize(1);
        assertThat(onLeader.get("observers").get(0).get("sid").asLong()).isEqualTo(4);
        assertThat(onLeader.get("observers").get(0).get("last_zxid").asLong()).isEqualTo(FakeQuorum.COMMITTED);
        JsonNode onFollower = run(FakeQuorum.follower(), "obsr");
        assertThat(onFollower.get("synced_observers").asInt()).isZero();
        assertThat(onFollower.get("observers")).isEmpty();
    }

    @Test
    void quorumCommandCarriesTheWholeStateWithHexZxids() {
        JsonNode quorum = run(FakeQuorum.leader(), "quorum");
        assertThat(quorum.get("mode").asText()).isEqualTo("leader");
        assertThat(quorum.get("my_id").asLong()).isEqualTo(1);
        assertThat(quorum.get("zab_phase").asText()).isEqualTo("broadcast");
        assertThat(quorum.get("serving").asBoolean()).isTrue();
        assertThat(quorum.get("last_logged_zxid").asText()).isEqualTo("0x300000005");
        assertThat(quorum.get("last_committed_zxid").asText()).isEqualTo("0x300000004");
        assertThat(quorum.get("current_vote").get("zxid").asText()).isEqualTo("0x200000009");
        assertThat(quorum.get("members")).hasSize(4);
        assertThat(quorum.get("members").get(3).get("learner_type").asText()).isEqualTo("observer");
        assertThat(quorum.get("learners").get(1).get("synced").asBoolean()).isFalse();
        assertThat(quorum.get("learners").get(1).get("acked_zxid").asText()).isEqualTo("0x200000001");
        assertThat(quorum.get("recent_votes").get(0).get("state").asText()).isEqualTo("leading");
        assertThat(quorum.get("pending_syncs").asInt()).isEqualTo(1);
    }

    @Test
    void quorumCommandAnswersDuringAnElection() {
        JsonNode quorum = run(FakeQuorum.looking(), "quorum");
        assertThat(quorum.get("error").isNull()).isTrue();
        assertThat(quorum.get("mode").asText()).isEqualTo("looking");
        assertThat(quorum.get("serving").asBoolean()).isFalse();
        assertThat(quorum.get("leader_id").isNull()).isTrue();
        assertThat(quorum.get("election_round").asLong()).isEqualTo(8);
        assertThat(quorum.get("recent_votes").get(0).get("from").asLong()).isEqualTo(2);
        assertThat(quorum.get("recent_votes").get(0).get("at_millis").asLong()).isEqualTo(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server_stats", "stats", "connections", "dump", "leader", "voting_view", "observers",
            "is_read_only", "ruok", "configuration", "watch_summary"})
    void lookingMemberRefusesCommandsThatNeedAServingMember(String command) {
        JsonNode answer = run(FakeQuorum.looking(), command);
        assertThat(answer.get("error").asText()).isEqualTo(AdminCommands.NOT_SERVING);
        assertThat(keys(answer)).containsExactlyInAnyOrder("command", "error");
    }

    @Test
    void lookingMemberStillAnswersMonitorWithItsState() {
        JsonNode monitor = run(FakeQuorum.looking(), "monitor");
        assertThat(monitor.get("error").isNull()).isTrue();
        assertThat(monitor.get("server_state").asText()).isEqualTo("looking");
        assertThat(monitor.get("peer_state").asText()).isEqualTo("looking");
        assertThat(monitor.get("quorum_size").asInt()).isEqualTo(3);
    }

    @Test
    void serverStatsReportTheRoleAndReadOnlyFlag() {
        JsonNode follower = run(FakeQuorum.follower(), "server_stats");
        assertThat(follower.get("server_stats").get("serverState").asText()).isEqualTo("follower");
        assertThat(follower.get("read_only").asBoolean()).isFalse();
        JsonNode readOnly = run(FakeQuorum.readOnly(), "srvr");
        assertThat(readOnly.get("server_stats").get("serverState").asText()).isEqualTo("read-only");
        assertThat(readOnly.get("read_only").asBoolean()).isTrue();
        assertThat(run(FakeQuorum.readOnly(), "isro").get("read_only").asBoolean()).isTrue();
    }

    @Test
    void indexListsTheQuorumCommand() {
        assertThat(new FakeQuorum(FakeQuorum.leader()).commands.primaryNames()).contains("quorum", "zabstate",
                "voting_view", "leader", "observers");
    }
}
