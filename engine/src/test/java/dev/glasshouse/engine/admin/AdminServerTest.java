package dev.glasshouse.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.admin.Commands;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AdminServer over HTTP: every command answers JSON with {@code command} and {@code error}, and
 * its field names are those Apache ZooKeeper 3.9.4's own command objects produce for the same
 * state (run in process on the reference server; its Jetty listener is not on the test classpath).
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminServerTest {
    private final ObjectMapper json = new ObjectMapper();
    private OpsTargets targets;
    private int adminPort;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        targets = OpsTargets.start(dir);
        adminPort = targets.glasshouse.adminPort().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        if (targets != null) {
            targets.close();
        }
    }

    private JsonNode command(String name) throws Exception {
        HttpResponse<String> response = HttpGet.get(adminPort, "/commands/" + name, Optional.empty());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private Set<String> referenceKeys(String name) {
        return new TreeSet<>(Commands.getCommand(name).runGet(targets.reference, new HashMap<>()).toMap().keySet());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections", "dump", "watches", "watches_by_path", "watch_summary", "stats",
            "server_stats", "configuration", "environment", "is_read_only", "ruok", "last_snapshot", "voting_view",
            "zabstate", "observers", "dirs", "connection_stat_reset", "stat_reset"})
    void commandAnswersWithTheReferenceFieldNames(String name) throws Exception {
        JsonNode answer = command(name);
        assertThat(answer.get("command").asText()).isEqualTo(name);
        assertThat(answer.get("error").isNull()).isTrue();
        assertThat(keys(answer)).isEqualTo(referenceKeys(name));
    }

    @Test
    void monitorFieldsAreReferenceFields() throws Exception {
        JsonNode monitor = command("monitor");
        assertThat(referenceKeys("monitor")).containsAll(keys(monitor));
        assertThat(monitor.get("server_state").asText()).isEqualTo("standalone");
        assertThat(monitor.get("znode_count").asInt()).isEqualTo(6);
        assertThat(monitor.get("ephemerals_count").asInt()).isEqualTo(1);
    }

    @Test
    void nestedStatsUseTheReferenceFieldNames() throws Exception {
        JsonNode ours = command("stats");
        var reference = Commands.getCommand("stats").runGet(targets.reference, new HashMap<>()).toMap();
        JsonNode theirs = json.valueToTree(reference);
        assertThat(keys(ours.get("server_stats"))).isEqualTo(keys(theirs.get("server_stats")));
        assertThat(keys(ours.get("connections").get(0))).isEqualTo(keys(theirs.get("connections").get(0)));
        JsonNode connections = command("connections").get("connections");
        JsonNode theirConnections = json.valueToTree(Commands.getCommand("connections")
                .runGet(targets.reference, new HashMap<>()).toMap()).get("connections");
        assertThat(keys(connections.get(0))).isEqualTo(keys(theirConnections.get(0)));
    }

    @Test
    void watchesAreKeyedBySessionAndPath() throws Exception {
        long session = targets.glasshouseClient.getSessionId();
        assertThat(command("watches").get("session_id_to_watched_paths").get(String.valueOf(session)).get(0)
                .asText()).isEqualTo("/a");
        assertThat(command("watches_by_path").get("path_to_session_ids").get("/a").get(0).asLong())
                .isEqualTo(session);
        JsonNode summary = command("watch_summary");
        assertThat(summary.get("num_connections").asInt()).isEqualTo(1);
        assertThat(summary.get("num_total_watches").asInt()).isEqualTo(1);
    }

    @Test
    void aliasAnswersUnderThePrimaryName() throws Exception {
        assertThat(command("mntr").get("command").asText()).isEqualTo("monitor");
        assertThat(command("isro").get("read_only").asBoolean()).isFalse();
    }

    @Test
    void leaderAnswersForAStandaloneMember() throws Exception {
        JsonNode leader = command("leader");
        assertThat(keys(leader)).containsAll(List.of("is_leader", "leader_id", "leader_ip", "command", "error"));
        assertThat(leader.get("is_leader").asBoolean()).isFalse();
    }

    @Test
    void unknownCommandIsAnErrorWithStatus200() throws Exception {
        JsonNode answer = command("xyz");
        assertThat(answer.get("error").asText()).isEqualTo("Unknown command: xyz");
        assertThat(answer.get("command").asText()).isEqualTo("xyz");
    }

    @Test
    void indexPageLinksEveryCommand() throws Exception {
        HttpResponse<String> index = HttpGet.get(adminPort, "/commands", Optional.empty());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<a href=\"/commands/monitor\">monitor</a>");
    }

    @Test
    void snapshotNeedsAuthenticationAndAllPermissionOnTheRoot() throws Exception {
        // ZooKeeper protects snapshot and restore only (ALL on /); every other command is open.
        HttpResponse<String> missing = HttpGet.get(adminPort, "/commands/snapshot", Optional.empty());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json.readTree(missing.body()).get("error").asText())
                .isEqualTo("Auth info is missing for the command");

        HttpResponse<String> badScheme = HttpGet.get(adminPort, "/commands/snapshot", Optional.of("nosuch x:y"));
        assertThat(badScheme.statusCode()).isEqualTo(401);
        assertThat(json.readTree(badScheme.body()).get("error").asText()).isEqualTo("Not authenticated");

        // The root is open to anyone: an authenticated user passes, and learns snapshots are not available yet.
        HttpResponse<String> allowed = HttpGet.get(adminPort, "/commands/snapshot", Optional.of("digest bob:pw"));
        assertThat(json.readTree(allowed.body()).get("error").asText()).contains("not available");

        String alice = DigestAuthenticationProvider.generateDigest("alice:secret");
        targets.glasshouseClient.setACL("/", new ArrayList<>(List.of(new ACL(ZooDefs.Perms.ALL,
                new Id("digest", alice)))), -1);
        try {
            HttpResponse<String> forbidden = HttpGet.get(adminPort, "/commands/snapshot",
                    Optional.of("digest bob:pw"));
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(json.readTree(forbidden.body()).get("error").asText()).isEqualTo("Not authorized");
            HttpResponse<String> owner = HttpGet.get(adminPort, "/commands/snapshot",
                    Optional.of("digest alice:secret"));
            assertThat(json.readTree(owner.body()).get("error").asText()).contains("not available");
        } finally {
            targets.glasshouseClient.addAuthInfo("digest", "alice:secret".getBytes());
            targets.glasshouseClient.setACL("/", ZooDefs.Ids.OPEN_ACL_UNSAFE, -1);
        }
    }
}
