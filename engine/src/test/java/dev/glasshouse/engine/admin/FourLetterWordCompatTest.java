package dev.glasshouse.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four-letter words on the client port, read with the rules that ZooKeeper exporters, kazoo and
 * {@code zkServer.sh} use, and compared line by line with Apache ZooKeeper 3.9.4's answers.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FourLetterWordCompatTest {
    /** The srvr/stat lines an exporter reads, each with the regex it applies. */
    private static final List<Pattern> SERVER_STAT_LINES = List.of(
            Pattern.compile("Zookeeper version: (\\d+\\.\\d+\\.\\d+)-[^,]+, built on (.+)"),
            Pattern.compile("Latency min/avg/max: (\\d+)/(\\d+(?:\\.\\d+)?)/(\\d+)"),
            Pattern.compile("Received: (\\d+)"),
            Pattern.compile("Sent: (\\d+)"),
            Pattern.compile("Connections: (\\d+)"),
            Pattern.compile("Outstanding: (\\d+)"),
            Pattern.compile("Zxid: (0x[0-9a-f]+)"),
            Pattern.compile("Mode: (standalone|leader|follower|observer|read-only)"),
            Pattern.compile("Node count: (\\d+)"));
    private static final Pattern MNTR_LINE = Pattern.compile("zk_([a-z0-9_]+)\t(.+)");
    /** kazoo's {@code KazooClient.server_version()} reads envi with this pattern. */
    private static final Pattern KAZOO_ENVI_VERSION = Pattern.compile("[\\w\\s:.]*=([\\d.]*).*", Pattern.DOTALL);
    private static final Pattern CLIENT_LINE = Pattern.compile(" /[0-9.]+:\\d+\\[\\d\\]\\(queued=\\d+,recved=\\d+,"
            + "sent=\\d+(,sid=0x[0-9a-f]+,lop=[A-Z]+,est=\\d+,to=\\d+,lcxid=0x[0-9a-f]+,lzxid=0x[0-9a-f]+,"
            + "lresp=\\d+,llat=\\d+,minlat=\\d+,avglat=\\d+,maxlat=\\d+)?\\)");
    private static final List<String> CORE_MNTR_KEYS = List.of("version", "server_state", "avg_latency",
            "max_latency", "min_latency", "packets_received", "packets_sent", "num_alive_connections",
            "outstanding_requests", "znode_count", "watch_count", "ephemerals_count", "approximate_data_size",
            "open_file_descriptor_count", "max_file_descriptor_count", "uptime", "global_sessions", "local_sessions",
            "auth_failed_count", "connection_drop_probability", "last_client_response_size",
            "min_client_response_size", "max_client_response_size", "watch_bytes", "throttled_ops");

    private OpsTargets targets;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        targets = OpsTargets.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (targets != null) {
            targets.close();
        }
    }

    private String glasshouse(String word) throws IOException {
        return OpsTargets.send(targets.glasshousePort(), word);
    }

    private String reference(String word) throws IOException {
        return OpsTargets.send(targets.referencePort(), word);
    }

    @Test
    void ruokAnswersImokLikeTheReference() throws IOException {
        assertThat(glasshouse("ruok")).isEqualTo(reference("ruok")).isEqualTo("imok");
    }

    @Test
    void isroAnswersRwOnAWritableMember() throws IOException {
        assertThat(glasshouse("isro")).isEqualTo(reference("isro")).isEqualTo("rw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"srvr", "stat"})
    void serverStatisticsParseWithTheExporterRegexesOnBothServers(String word) throws IOException {
        for (String answer : List.of(glasshouse(word), reference(word))) {
            List<String> lines = withoutClientSection(answer);
            assertThat(lines).hasSize(SERVER_STAT_LINES.size());
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i)).as(answer).matches(SERVER_STAT_LINES.get(i));
            }
            assertThat(lines).contains("Mode: standalone");
            assertThat(answer).endsWith("\n");
        }
    }

    // stat puts "Clients:", one line per connection and a blank line between the version and latency lines.
    private static List<String> withoutClientSection(String answer) {
        List<String> lines = answer.lines().toList();
        int clients = lines.indexOf("Clients:");
        if (clients < 0) {
            return lines;
        }
        int blank = lines.indexOf("");
        for (String client : lines.subList(clients + 1, blank)) {
            assertThat(client).matches(CLIENT_LINE);
        }
        List<String> rest = new java.util.ArrayList<>(lines.subList(0, clients));
        rest.addAll(lines.subList(blank + 1, lines.size()));
        return rest;
    }

    @Test
    void srvrReportsTheVersionLineKazooAndZkServerShRead() throws IOException {
        String srvr = glasshouse("srvr");
        assertThat(srvr).startsWith("Zookeeper version: 3.9.4-glasshouse-");
        String envi = glasshouse("envi");
        Matcher version = KAZOO_ENVI_VERSION.matcher(envi);
        assertThat(version.matches()).isTrue();
        assertThat(version.group(1)).isEqualTo("3.9.4");
    }

    @Test
    void enviListsTheReferenceKeysInTheReferenceOrder() throws IOException {
        assertThat(keys(glasshouse("envi"), "=")).isEqualTo(keys(reference("envi"), "="));
        assertThat(glasshouse("envi")).startsWith("Environment:\nzookeeper.version=");
    }

    @Test
    void confListsTheReferenceKeysInTheReferenceOrder() throws IOException {
        Map<String, String> ours = properties(glasshouse("conf"), "=");
        assertThat(ours.keySet()).containsExactlyElementsOf(properties(reference("conf"), "=").keySet());
        assertThat(ours).containsEntry("clientPort", String.valueOf(targets.glasshousePort()))
                .containsEntry("tickTime", "2000").containsEntry("serverId", "0");
    }

    @Test
    void mntrKeysAreReferenceKeysAndIncludeTheCoreKeys() throws IOException {
        Map<String, String> ours = mntr(glasshouse("mntr"));
        Map<String, String> reference = mntr(reference("mntr"));
        assertThat(reference.keySet()).containsAll(ours.keySet());
        assertThat(ours.keySet()).containsAll(CORE_MNTR_KEYS);
        assertThat(ours).containsEntry("server_state", "standalone").containsEntry("ephemerals_count", "1");
        assertThat(ours.get("version")).startsWith("3.9.4-glasshouse-");
        // Counted the way the reference counts them, from the same client activity.
        for (String key : List.of("znode_count", "ephemerals_count", "global_sessions", "watch_count")) {
            assertThat(ours.get(key)).as(key).isEqualTo(reference.get(key));
        }
    }

    /** The rules of a ZooKeeper exporter: tab-separated, numeric except version and state. */
    private static Map<String, String> mntr(String answer) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : answer.lines().toList()) {
            Matcher matcher = MNTR_LINE.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            String key = matcher.group(1);
            String value = matcher.group(2);
            if (!key.equals("version") && !key.equals("server_state")) {
                assertThat(Double.parseDouble(value)).as(line).isNotNaN();
            }
            values.put(key, value);
        }
        return values;
    }

    @Test
    void watchWordsShowTheReferenceLayout() throws IOException {
        String session = "0x" + Long.toHexString(targets.glasshouseClient.getSessionId());
        String referenceSession = "0x" + Long.toHexString(targets.referenceClient.getSessionId());
        assertThat(glasshouse("wchs")).isEqualTo(reference("wchs")).isEqualTo(
                "1 connections watching 1 paths\nTotal watches:1\n");
        assertThat(glasshouse("wchc")).isEqualTo(reference("wchc").replace(referenceSession, session))
                .isEqualTo(session + "\n\t/a\n\n");
        assertThat(glasshouse("wchp")).isEqualTo(reference("wchp").replace(referenceSession, session))
                .isEqualTo("/a\n\t" + session + "\n\n");
    }

    @Test
    void consShowsTheClientSessionInTheReferenceLayout() throws IOException {
        String cons = glasshouse("cons");
        List<String> lines = cons.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEmpty();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line).matches(CLIENT_LINE);
        }
        assertThat(cons).contains(",sid=0x" + Long.toHexString(targets.glasshouseClient.getSessionId()) + ",");
    }

    @Test
    void dumpListsSessionsAndTheirEphemerals() throws IOException {
        String session = "0x" + Long.toHexString(targets.glasshouseClient.getSessionId());
        List<String> lines = glasshouse("dump").lines().toList();
        List<String> referenceLines = reference("dump").lines().toList();
        assertThat(lines.get(0)).isEqualTo(referenceLines.get(0)).isEqualTo("SessionTracker dump:");
        // The reference keeps emptied expiry buckets for a while, so only its line's shape is stable.
        assertThat(referenceLines.get(1)).matches("Session Sets \\(\\d+\\)/\\(1\\):");
        assertThat(lines.get(1)).isEqualTo("Session Sets (1)/(1):");
        assertThat(lines.get(2)).matches("1 expire at .+:");
        assertThat(lines.subList(3, lines.size())).containsExactly("\t" + session, "ephemeral nodes dump:",
                "Sessions with Ephemerals (1):", session + ":", "\t/a");
    }

    @Test
    void dirsReportsSizesInTheReferenceLayout() throws IOException {
        assertThat(keys(glasshouse("dirs"), ": ")).isEqualTo(keys(reference("dirs"), ": "))
                .containsExactly("datadir_size", "logdir_size");
        // The log segment is preallocated when the member starts; ZooKeeper creates its log at the
        // first write, so only the layout is compared, and the log's bytes must be on disk.
        assertThat(glasshouse("dirs")).matches("datadir_size: \\d+\nlogdir_size: [1-9]\\d*\n");
    }

    @Test
    void resetWordsAnswerWithTheReferenceText() throws IOException {
        assertThat(glasshouse("crst")).isEqualTo(reference("crst"));
        assertThat(glasshouse("srst")).isEqualTo(reference("srst"));
        assertThat(properties(glasshouse("srvr"), ": ").get("Received")).isEqualTo("0");
    }

    @Test
    void unknownWordIsTreatedAsAFrameAndClosesTheConnection() throws IOException {
        assertThat(answerOrClosed(targets.glasshousePort(), "xyzw")).isEmpty();
        assertThat(answerOrClosed(targets.referencePort(), "xyzw")).isEmpty();
    }

    private static String answerOrClosed(int port, String word) {
        try {
            return OpsTargets.send(port, word);
        } catch (IOException e) {
            return "";   // reset by the server: closed without an answer
        }
    }

    @Test
    void wordOutsideTheWhitelistIsRefusedWithTheReferenceText(@TempDir Path other) throws IOException {
        try (StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(other, 0))) {
            assertThat(OpsTargets.send(server.clientPort(), "ruok"))
                    .isEqualTo("ruok is not executed because it is not in the whitelist.\n");
            assertThat(OpsTargets.send(server.clientPort(), "srvr")).contains("Mode: standalone\n");
        }
    }

    private static List<String> keys(String answer, String separator) {
        return List.copyOf(properties(answer, separator).keySet());
    }

    private static Map<String, String> properties(String answer, String separator) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : answer.lines().toList()) {
            int at = line.indexOf(separator);
            if (at > 0) {
                values.put(line.substring(0, at), line.substring(at + separator.length()));
            }
        }
        return values;
    }
}
