package dev.glasshouse.engine.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code server.N} lines of {@code zoo.cfg}, {@code myid} and the ensemble they make. */
class ZooCfgEnsembleTest {
    private static final String SOURCE = "test-zoo.cfg";
    private static final String THREE = "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n";

    @TempDir
    Path dataDir;

    /** Lines 1 and 2: dataDir and clientPort. */
    private String base() {
        return "dataDir=" + dataDir + "\nclientPort=2181\n";
    }

    private ParsedConfig parse(String text) throws ConfigException {
        return ZooCfgParser.parse(text, SOURCE);
    }

    private void myId(String content) throws IOException {
        Files.writeString(dataDir.resolve("myid"), content, StandardCharsets.UTF_8);
    }

    private static ConfigException failure(ThrowingCallable parsing) {
        return catchThrowableOfType(ConfigException.class, parsing);
    }

    private static EnsembleMember member(int id, String host, boolean observer) {
        return new EnsembleMember(id, host, 2888, 3888, observer, OptionalInt.empty(), Optional.empty());
    }

    @Test
    void serverLinesAndMyIdMakeAnEnsemble() throws IOException, ConfigException {
        myId("2\n");

        ParsedConfig parsed = parse(base() + "initLimit=20\nsyncLimit=4\n" + THREE
                + "server.4=zk4:2888:3888:observer\n");

        EnsembleConfig ensemble = parsed.config().ensemble().orElseThrow();
        assertThat(ensemble.myId()).isEqualTo(2);
        assertThat(ensemble.initLimit()).isEqualTo(20);
        assertThat(ensemble.syncLimit()).isEqualTo(4);
        assertThat(ensemble.members()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(ensemble.self()).isEqualTo(member(2, "zk2", false));
        assertThat(ensemble.voters()).containsExactly(member(1, "zk1", false), member(2, "zk2", false),
                member(3, "zk3", false));
        assertThat(ensemble.observers()).containsExactly(member(4, "zk4", true));
        assertThat(parsed.config().myId()).hasValue(2);
        assertThat(parsed.config().clientPort()).isEqualTo(2181);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void limitsDefaultToZooKeepersSampleValuesWithAWarning() throws IOException, ConfigException {
        myId("1");

        ParsedConfig parsed = parse(base() + THREE);

        EnsembleConfig ensemble = parsed.config().ensemble().orElseThrow();
        assertThat(ensemble.initLimit()).isEqualTo(10);
        assertThat(ensemble.syncLimit()).isEqualTo(5);
        assertThat(parsed.warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .startsWith(SOURCE + " line 3: ").contains("ZooKeeper itself refuses"));
        assertThat(parsed.warnings().get(0)).contains("initLimit is not set; this ensemble uses 10 ticks");
        assertThat(parsed.warnings().get(1)).contains("syncLimit is not set; this ensemble uses 5 ticks");
    }

    static Stream<Arguments> goodLines() {
        OptionalInt none = OptionalInt.empty();
        Optional<String> noHost = Optional.empty();
        return Stream.of(
                Arguments.of("zk1:2888:3888", new EnsembleMember(1, "zk1", 2888, 3888, false, none, noHost)),
                Arguments.of("zk1:2888:3888:participant", new EnsembleMember(1, "zk1", 2888, 3888, false, none, noHost)),
                Arguments.of("zk1:1:65535:observer", new EnsembleMember(1, "zk1", 1, 65_535, true, none, noHost)),
                Arguments.of("zk1:2888:3888:OBSERVER", new EnsembleMember(1, "zk1", 2888, 3888, true, none, noHost)),
                Arguments.of(" zk1 : 2888 : 3888 ", new EnsembleMember(1, "zk1", 2888, 3888, false, none, noHost)),
                Arguments.of("10.0.0.1:2888:3888;2182",
                        new EnsembleMember(1, "10.0.0.1", 2888, 3888, false, OptionalInt.of(2182), noHost)),
                Arguments.of("zk1:2888:3888:observer;0.0.0.0:2182",
                        new EnsembleMember(1, "zk1", 2888, 3888, true, OptionalInt.of(2182), Optional.of("0.0.0.0"))),
                Arguments.of("[::1]:2888:3888;[::1]:2182",
                        new EnsembleMember(1, "::1", 2888, 3888, false, OptionalInt.of(2182), Optional.of("::1"))),
                Arguments.of("[fe80::1]:2888:3888:participant",
                        new EnsembleMember(1, "fe80::1", 2888, 3888, false, none, noHost)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodLines")
    void serverLineSyntaxFollowsZooKeeper(String value, EnsembleMember expected) throws IOException, ConfigException {
        myId("1");
        String other = "server.2=other:2888:3888\nserver.3=third:2888:3888\n";

        EnsembleConfig ensemble = parse("dataDir=" + dataDir + "\nclientPort=2182\nclientPortAddress="
                + expected.clientHost().orElse("") + "\nserver.1=" + value + "\n" + other).config().ensemble()
                .orElseThrow();

        assertThat(ensemble.members().get(1)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "zk1", "zk1:2888", ":2888:3888", "zk1:0:3888", "zk1:2888:65536", "zk1:x:3888",
        "zk1:2888:3888:leader", "zk1:2888:3888:observer:extra", "zk1:2888:3888;", "zk1:2888:3888;abc",
        "zk1:2888:3888;0", "zk1:2888:3888;host:", "zk1:2888:3888;:2181", "a:1:2|b:1:2", "[::1:2888:3888",
        "[::1]2888:3888", "zk1:-1:3888"})
    void badServerLineNamesFileLineKeyAndTheForm(String value) throws IOException {
        myId("1");

        ConfigException e = failure(() -> parse(base() + "server.1=" + value + "\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: server.1 must be host:quorumPort:electionPort")
                .contains("such as zk1:2888:3888;2181 (").endsWith(", got \"" + value.strip() + "\"");
        assertThat(e.line()).hasValue(3);
        assertThat(e.key()).contains("server.1");
    }

    @Test
    void badServerLineSaysWhichPartIsWrong() {
        assertThatThrownBy(() -> parse(base() + "server.1=zk1:2888:70000\n"))
                .hasMessageContaining("(the election port \"70000\" is not a number from 1 to 65535)");
        assertThatThrownBy(() -> parse(base() + "server.1=a:1:2|b:1:2\n"))
                .hasMessageContaining("several addresses separated by | are not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.0", "server.256", "server.99999999999999999999", "zookeeper.server.300"})
    void memberIdOutsideMyIdRangeIsAnError(String key) {
        ConfigException e = failure(() -> parse(base() + key + "=zk1:2888:3888\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: " + key + " names member id ")
                .contains("member ids go from 1 to 255");
        assertThat(e.key()).contains(key);
    }

    @Test
    void twoLinesForOneMemberAreAnError() {
        ConfigException e = failure(() -> parse(base() + "server.1=zk1:2888:3888\nserver.01=zk2:2888:3888\n"));

        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 4: server.01 names member 1 again (first server.1"
                + " (line 3)); give each member one line");
        assertThat(e.key()).contains("server.01");
    }

    @Test
    void ensembleWithoutMyIdSaysWhatToWriteWhere() {
        Path file = dataDir.resolve("myid");

        ConfigException e = failure(() -> parse(base() + THREE));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: this file lists an ensemble (1, 2, 3) but " + file
                + " does not exist; write this member's id, one of 1, 2, 3,").contains("echo 1 > " + file);
        assertThat(e.key()).contains("server.1");
    }

    @Test
    void myIdMustNameAServerLine() throws IOException {
        myId("4");
        Path file = dataDir.resolve("myid");

        ConfigException e = failure(() -> parse(base() + THREE));

        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 3: " + file + " says this is member 4, but no server.4"
                + " line lists it (the members are 1, 2, 3); correct " + file + " or add a server.4 line");
        assertThat(e.line()).hasValue(3);
    }

    static Stream<Arguments> sharedEndpoints() {
        return Stream.of(
                Arguments.of("server.1=zk1:2888:3888\nserver.2=zk1:2888:3889\n", "line 4: server.2 uses zk1:2888 as"
                        + " its quorum port, which server.1 (line 3) already uses as its quorum port"),
                Arguments.of("server.1=zk1:2888:3888\nserver.2=ZK1:3888:3889\n", "line 4: server.2 uses ZK1:3888 as"
                        + " its quorum port, which server.1 (line 3) already uses as its election port"),
                Arguments.of("server.1=zk1:2888:2888\nserver.2=zk2:2888:3888\n", "line 3: server.1 uses port 2888 as"
                        + " both its quorum and its election port"));
    }

    @ParameterizedTest
    @MethodSource("sharedEndpoints")
    void membersMayNotShareAHostAndPort(String lines, String message) throws IOException {
        myId("1");

        assertThat(failure(() -> parse(base() + lines)).getMessage()).startsWith(SOURCE + " " + message);
    }

    @Test
    void sameHostWithOtherPortsIsFine() throws IOException, ConfigException {
        myId("1");

        ParsedConfig parsed = parse(base() + "server.1=localhost:2888:3888\nserver.2=localhost:2889:3889\n");

        assertThat(parsed.config().ensemble().orElseThrow().voters()).hasSize(2);
    }

    @Test
    void anEnsembleNeedsAParticipant() throws IOException {
        myId("1");

        ConfigException e = failure(() -> parse(base() + "server.1=zk1:2888:3888:observer\n"
                + "server.2=zk2:2888:3888:observer\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: every server.N line names an observer;"
                + " an ensemble needs at least one participant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant", "observer"})
    void peerTypeMustAgreeWithTheMembersOwnLine(String peerType) throws IOException {
        myId(peerType.equals("observer") ? "1" : "3");

        ConfigException e = failure(() -> parse(base() + "peerType=" + peerType + "\n" + THREE.replace(
                "server.3=zk3:2888:3888", "server.3=zk3:2888:3888:observer")));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: peerType=" + peerType + " disagrees with this"
                + " member's line server.");
        assertThat(e.key()).contains("peerType");
    }

    @Test
    void observerLineWithMatchingOrNoPeerTypeMakesAnObserver() throws IOException, ConfigException {
        myId("4");
        String lines = THREE + "server.4=zk4:2888:3888:observer\n";

        assertThat(parse(base() + lines).config().ensemble().orElseThrow().self().observer()).isTrue();
        assertThat(parse(base() + "peerType=observer\n" + lines).config().ensemble().orElseThrow().self().observer())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void singleParticipantRunsStandaloneAsInZooKeeper(boolean withMyId) throws IOException, ConfigException {
        if (withMyId) {
            myId("1");
        }

        ParsedConfig parsed = parse(base() + "server.1=zk1:2888:3888\n");

        assertThat(parsed.config().ensemble()).isEmpty();
        assertThat(parsed.config().myId()).isEqualTo(withMyId ? OptionalInt.of(1) : OptionalInt.empty());
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void singleParticipantWithStandaloneDisabledIsAnEnsembleOfOne() throws IOException, ConfigException {
        myId("1");

        ParsedConfig parsed = parse(base() + "standaloneEnabled=false\ninitLimit=10\nsyncLimit=5\n"
                + "server.1=zk1:2888:3888\n");

        assertThat(parsed.config().ensemble().orElseThrow().members()).containsOnlyKeys(1);
    }

    @Test
    void observersOfASingleStandaloneParticipantAreIgnoredWithAWarning() throws IOException, ConfigException {
        myId("1");

        ParsedConfig parsed = parse(base() + "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888:observer\n");

        assertThat(parsed.config().ensemble()).isEmpty();
        assertThat(parsed.warnings()).singleElement().asString().startsWith(SOURCE + " line 4: server.2 is an"
                + " observer of a single participant").contains("standaloneEnabled=false");
    }

    @Test
    void observerOfASingleStandaloneParticipantCannotStart() throws IOException {
        myId("2");

        ConfigException e = failure(() -> parse(base() + "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888:observer\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 4: server.2 makes this member an observer")
                .contains("set standaloneEnabled=false");
    }

    @Test
    void ownLineSuppliesClientPortAndAddress() throws IOException, ConfigException {
        myId("2");

        ServerConfig config = parse("dataDir=" + dataDir + "\nserver.1=zk1:2888:3888;2181\n"
                + "server.2=zk2:2888:3888;127.0.0.2:2182\n").config();

        assertThat(config.clientPort()).isEqualTo(2182);
        assertThat(config.clientPortAddress()).contains("127.0.0.2");
        assertThat(config.ensemble().orElseThrow().self().clientPort()).hasValue(2182);
    }

    @Test
    void ownLineAndClientPortMayAgree() throws IOException, ConfigException {
        myId("1");

        ServerConfig config = parse(base() + "clientPortAddress=10.0.0.1\nserver.1=zk1:2888:3888;10.0.0.1:2181\n"
                + "server.2=zk2:2888:3888;2999\n").config();

        assertThat(config.clientPort()).isEqualTo(2181);
        assertThat(config.clientPortAddress()).contains("10.0.0.1");
    }

    @Test
    void clientPortThatDiffersFromOwnLineNamesBothLines() throws IOException {
        myId("1");

        ConfigException e = failure(() -> parse(base() + "server.1=zk1:2888:3888;2182\nserver.2=zk2:2888:3888\n"));

        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 2: clientPort=2181 (line 2) differs from the client"
                + " port 2182 on this member's line server.1 (line 3); remove one or make them agree");
        assertThat(e.key()).contains("clientPort");
    }

    @Test
    void clientPortAddressThatDiffersFromOwnLineNamesBothLines() throws IOException {
        myId("1");

        ConfigException e = failure(() -> parse(base() + "clientPortAddress=0.0.0.0\n"
                + "server.1=zk1:2888:3888;127.0.0.1:2181\nserver.2=zk2:2888:3888\n"));

        assertThat(e.getMessage()).isEqualTo(SOURCE + " line 3: clientPortAddress=0.0.0.0 (line 3) differs from"
                + " the client address 127.0.0.1 on this member's line server.1 (line 4); remove one or make them"
                + " agree");
    }

    @Test
    void clientPortIsStillRequiredWhenTheOwnLineHasNone() throws IOException {
        myId("1");

        ConfigException e = failure(() -> parse("dataDir=" + dataDir + "\n" + THREE));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 5: clientPort is required");
        assertThat(e.key()).contains("clientPort");
    }

    @Test
    void shippedEnsembleExampleParses() throws IOException, ConfigException {
        String example = Files.readString(Path.of("..", "conf", "zoo-ensemble-example.cfg"), StandardCharsets.UTF_8)
                .replace("dataDir=./data", "dataDir=" + dataDir);
        myId("4");

        ParsedConfig parsed = parse(example);

        EnsembleConfig ensemble = parsed.config().ensemble().orElseThrow();
        assertThat(ensemble.voters()).hasSize(3);
        assertThat(ensemble.self().observer()).isTrue();
        assertThat(parsed.config().clientPort()).isEqualTo(2181);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void standaloneConfigurationHasNoEnsembleAndWithEnsembleSetsOne() {
        ServerConfig standalone = ServerConfig.defaults(dataDir, 2181);
        EnsembleConfig ensemble = new EnsembleConfig(3, new TreeMap<>(java.util.Map.of(3, member(3, "zk3", false))),
                10, 5);

        ServerConfig member = standalone.withEnsemble(Optional.of(ensemble));

        assertThat(standalone.ensemble()).isEmpty();
        assertThat(member.ensemble()).contains(ensemble);
        assertThat(member.myId()).hasValue(3);
        assertThat(member.withTickTime(100).ensemble()).contains(ensemble);
        assertThat(member.withEnsemble(Optional.empty()).ensemble()).isEmpty();
    }

    static Stream<Arguments> brokenEnsembles() {
        EnsembleMember one = member(1, "zk1", false);
        return Stream.of(
                Arguments.of(2, new TreeMap<>(java.util.Map.of(1, one)), 10, 5, "myid 2 is not a member"),
                Arguments.of(1, new TreeMap<>(java.util.Map.of(2, one)), 10, 5, "member 1 is listed as 2"),
                Arguments.of(1, new TreeMap<>(java.util.Map.of(1, member(1, "zk1", true))), 10, 5,
                        "at least one participant"),
                Arguments.of(1, new TreeMap<>(java.util.Map.of(1, one)), 0, 5, "must be positive"));
    }

    @ParameterizedTest
    @MethodSource("brokenEnsembles")
    void ensembleConfigKeepsItsInvariants(int myId, TreeMap<Integer, EnsembleMember> members, int init, int sync,
                                          String message) {
        assertThatThrownBy(() -> new EnsembleConfig(myId, members, init, sync))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void ensembleMemberRejectsBadPorts() {
        assertThatThrownBy(() -> new EnsembleMember(1, "zk1", 0, 3888, false, OptionalInt.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnsembleMember(1, "zk1", 2888, 3888, false, OptionalInt.empty(),
                Optional.of("h"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(member(1, "zk1", true).participant(), member(1, "zk1", false).participant()))
                .containsExactly(false, true);
    }
}
