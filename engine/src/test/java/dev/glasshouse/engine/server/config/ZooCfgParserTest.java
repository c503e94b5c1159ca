package dev.glasshouse.engine.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZooCfgParserTest {
    private static final String SOURCE = "test-zoo.cfg";

    @TempDir
    Path dataDir;

    private String base() {
        return "dataDir=" + dataDir + "\nclientPort=2181\n";
    }

    private ParsedConfig parse(String text) throws ConfigException {
        return ZooCfgParser.parse(text, SOURCE);
    }

    private static ConfigException failure(ThrowingCallable parsing) {
        return catchThrowableOfType(ConfigException.class, parsing);
    }

    @Test
    void minimalFileGetsZooKeeperDefaults() throws ConfigException {
        ParsedConfig parsed = parse(base());

        // ZooKeeper serves the AdminServer on 8080 by default; defaults() leaves it off for embedding.
        assertThat(parsed.config()).isEqualTo(ServerConfig.defaults(dataDir, 2181).withAdmin(AdminConfig.DEFAULTS));
        assertThat(parsed.config().persistence()).isEqualTo(PersistenceConfig.DEFAULTS);
        assertThat(parsed.config().enforceQuota()).isFalse();
        assertThat(parsed.config().dataLogDir()).isEqualTo(dataDir);
        assertThat(parsed.config().minSessionTimeoutMillis()).isEqualTo(6000);
        assertThat(parsed.config().maxSessionTimeoutMillis()).isEqualTo(60_000);
        assertThat(parsed.config().myId()).isEmpty();
        assertThat(parsed.warnings()).isEmpty();
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                row("tickTime=2000", ServerConfig::tickTimeMillis, 2000),
                row("tickTime=2000", ServerConfig::minSessionTimeoutMillis, 4000),
                row("tickTime=2000", ServerConfig::maxSessionTimeoutMillis, 40_000),
                row("dataLogDir=/var/log/zk", ServerConfig::dataLogDir, Path.of("/var/log/zk")),
                row("clientPort=0", ServerConfig::clientPort, 0),
                row("snapCount=500", config -> config.persistence().snapCount(), 500),
                row("forceSync=no", config -> config.persistence().forceSync(), false),
                row("preAllocSize=1024", config -> config.persistence().preAllocSizeKb(), 1024L),
                row("autopurge.snapRetainCount=5", config -> config.persistence().snapRetainCount(), 5),
                row("autopurge.purgeInterval=2", config -> config.persistence().purgeIntervalHours(), 2),
                row("snapshot.compression.method=gz", config -> config.persistence().snapshotCompression(), "gz"),
                row("admin.enableServer=false", config -> config.admin().enabled(), false),
                row("admin.serverAddress=127.0.0.1", config -> config.admin().address(), "127.0.0.1"),
                row("admin.serverPort=9090", config -> config.admin().port(), 9090),
                row("metricsProvider.httpPort=7001", config -> config.admin().metricsPort().getAsInt(), 7001),
                row("enforceQuota=true", ServerConfig::enforceQuota, true),
                row("zookeeper.enforceQuota=true", ServerConfig::enforceQuota, true),
                row("clientPort=65535", ServerConfig::clientPort, 65_535),
                row("clientPortAddress=127.0.0.1", ServerConfig::clientPortAddress, Optional.of("127.0.0.1")),
                row("maxClientCnxns=0", ServerConfig::maxClientCnxns, 0),
                row("maxClientCnxns=7", ServerConfig::maxClientCnxns, 7),
                row("minSessionTimeout=1000", ServerConfig::minSessionTimeoutMillis, 1000),
                row("maxSessionTimeout=90000", ServerConfig::maxSessionTimeoutMillis, 90_000),
                row("4lw.commands.whitelist=ruok, mntr", ServerConfig::fourLetterWords, Set.of("srvr", "ruok", "mntr")),
                row("zookeeper.4lw.commands.whitelist=stat", ServerConfig::fourLetterWords, Set.of("srvr", "stat")),
                row("4lw.commands.whitelist=", ServerConfig::fourLetterWords, Set.of("srvr")),
                row("4lw.commands.whitelist=*", ServerConfig::fourLetterWords, ConfigKeys.FOUR_LETTER_WORDS),
                row("4lw.commands.whitelist=ruok,*", ServerConfig::fourLetterWords, ConfigKeys.FOUR_LETTER_WORDS),
                row("readonlymode.enabled=true", ServerConfig::fourLetterWords, Set.of("srvr", "isro")),
                row("extendedTypesEnabled=true", ServerConfig::extendedTypesEnabled, true),
                row("zookeeper.extendedTypesEnabled=yes", ServerConfig::extendedTypesEnabled, true),
                row("zookeeper.extendedTypesEnabled=FALSE", ServerConfig::extendedTypesEnabled, false),
                row("jute.maxbuffer=4194304", ServerConfig::maxFrameBytes, 4_194_304),
                row("jute.maxbuffer=0x1fffff", ServerConfig::maxFrameBytes, 0x1fffff),
                row("globalOutstandingLimit=5", ServerConfig::globalOutstandingLimit, 5),
                row("znode.container.checkIntervalMs=100", ServerConfig::containerCheckIntervalMillis, 100L),
                row("znode.container.maxPerMinute=3", ServerConfig::containerMaxPerMinute, 3),
                row("DigestAuthenticationProvider.superDigest=super:D/InIHSb7yEEbrWz8b9l71RjZJU=",
                        ServerConfig::superDigest, Optional.of("super:D/InIHSb7yEEbrWz8b9l71RjZJU=")),
                row("zookeeper.DigestAuthenticationProvider.superDigest=super:abc=",
                        ServerConfig::superDigest, Optional.of("super:abc=")),
                row("  tickTime   =   2500  ", ServerConfig::tickTimeMillis, 2500),
                row("tickTime: 2500", ServerConfig::tickTimeMillis, 2500),
                row("tickTime 2500", ServerConfig::tickTimeMillis, 2500));
    }

    private static Arguments row(String line, Function<ServerConfig, ?> field, Object expected) {
        return Arguments.of(line, field, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void eachKeyIsApplied(String line, Function<ServerConfig, ?> field, Object expected) throws ConfigException {
        String text = line.startsWith("clientPort=") ? "dataDir=" + dataDir + "\n" : base();
        ParsedConfig parsed = parse(text + line + "\n");

        assertThat(field.apply(parsed.config())).isEqualTo(expected);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void sessionTimeoutDefaultsFollowTickTimeWhateverTheKeyOrder() throws ConfigException {
        ServerConfig config = parse("clientPort=1\ndataDir=" + dataDir + "\ntickTime=1000\n").config();

        assertThat(config.minSessionTimeoutMillis()).isEqualTo(2000);
        assertThat(config.maxSessionTimeoutMillis()).isEqualTo(20_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"initLimit=10", "syncLimit=5", "server.1=127.0.0.1:2888:3888", "snapCount=100000",
        "preAllocSize=65536", "autopurge.snapRetainCount=3", "autopurge.purgeInterval=1", "admin.enableServer=false",
        "admin.serverPort=8080", "metricsProvider.className=x.Y", "metricsProvider.httpPort=7000", "forceSync=no",
        "standaloneEnabled=true", "reconfigEnabled=false", "peerType=observer", "electionAlg=3", "leaderServes=yes",
        "weight.2=1", "group.1=1:2:3", "ssl.keyStore.location=/k", "authProvider.1=x.Y", "zookeeper.skipACL=no",
        "secureClientPort=2281", "fsync.warningthresholdms=1000"})
    void laterKeysAreRecognisedWithoutWarning(String line) throws ConfigException {
        assertThat(parse(base() + line + "\n").warnings()).isEmpty();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("tickTime=abc", "tickTime", "a positive integer number of milliseconds, got \"abc\""),
                bad("tickTime=-5", "tickTime", "positive integer"),
                bad("tickTime=0", "tickTime", "positive integer"),
                bad("tickTime=99999999999", "tickTime", "positive integer"),
                bad("tickTime=", "tickTime", "got \"\""),
                bad("clientPort=65536", "clientPort", "a port number from 0 to 65535"),
                bad("clientPort=-1", "clientPort", "a port number from 0 to 65535"),
                bad("clientPort=http", "clientPort", "a port number"),
                bad("maxClientCnxns=-1", "maxClientCnxns", "zero or a positive integer"),
                bad("minSessionTimeout=1.5", "minSessionTimeout", "positive integer number of milliseconds"),
                bad("maxSessionTimeout=x", "maxSessionTimeout", "positive integer number of milliseconds"),
                bad("extendedTypesEnabled=maybe", "extendedTypesEnabled", "true, false, yes or no"),
                bad("zookeeper.extendedTypesEnabled=1", "zookeeper.extendedTypesEnabled", "true, false, yes or no"),
                bad("jute.maxbuffer=big", "jute.maxbuffer", "0xfffff"),
                bad("jute.maxbuffer=0", "jute.maxbuffer", "positive integer number of bytes"),
                bad("globalOutstandingLimit=0", "globalOutstandingLimit", "positive integer"),
                bad("znode.container.checkIntervalMs=soon", "znode.container.checkIntervalMs", "milliseconds"),
                bad("znode.container.maxPerMinute=-2", "znode.container.maxPerMinute", "positive integer"),
                bad("DigestAuthenticationProvider.superDigest=nocolon", "DigestAuthenticationProvider.superDigest",
                        "user:digest"),
                bad("initLimit=ten", "initLimit", "positive integer number of ticks"),
                bad("syncLimit=0", "syncLimit", "positive integer"),
                bad("snapCount=lots", "snapCount", "positive integer"),
                bad("forceSync=sometimes", "forceSync", "true, false, yes or no"),
                bad("admin.serverPort=80800", "admin.serverPort", "port number"),
                bad("weight.1=heavy", "weight.1", "integer"),
                bad("peerType=leader", "peerType", "participant or observer"),
                bad("dataLogDir=", "dataLogDir", "a directory path"));
    }

    private static Arguments bad(String line, String key, String expectation) {
        return Arguments.of(line, key, expectation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueNamesFileLineKeyAndWhatIsValid(String line, String key, String expectation) {
        ConfigException e = failure(() -> parse("# header\n" + base() + line + "\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 4: " + key + " must be ").contains(expectation);
        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.line()).hasValue(4);
        assertThat(e.key()).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataDir", "clientPort"})
    void missingRequiredKeyIsAnError(String key) {
        String text = base().lines().filter(line -> !line.startsWith(key)).reduce("tickTime=2000\n",
                (all, line) -> all + line + "\n");

        ConfigException e = failure(() -> parse(text));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: " + key + " is required")
                .contains("add a line such as " + key + "=");
        assertThat(e.key()).contains(key);
    }

    @Test
    void minAboveExplicitMaxPointsAtTheLaterLine() {
        ConfigException e = failure(() -> parse(base() + "minSessionTimeout=5000\nmaxSessionTimeout=4000\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 4: minSessionTimeout (5000, line 3) must not be larger"
                + " than maxSessionTimeout (4000, line 4)");
        assertThat(e.key()).contains("maxSessionTimeout");
        assertThat(e.line()).hasValue(4);
    }

    @Test
    void minAboveDefaultMaxPointsAtMinAndExplainsTheDefault() {
        ConfigException e = failure(() -> parse(base() + "minSessionTimeout=70000\ntickTime=3000\n"));

        assertThat(e.getMessage()).startsWith(SOURCE + " line 3: minSessionTimeout (70000, line 3)")
                .contains("maxSessionTimeout (60000, the default of 20 x tickTime)");
        assertThat(e.key()).contains("minSessionTimeout");
    }

    @Test
    void maxBelowDefaultMinComputedFromLaterTickTimeIsAnError() {
        ConfigException e = failure(() -> parse(base() + "maxSessionTimeout=3000\ntickTime=2000\n"));

        assertThat(e.getMessage()).contains("line 3: ")
                .contains("minSessionTimeout (4000, the default of 2 x tickTime)");
        assertThat(e.key()).contains("maxSessionTimeout");
    }

    @Test
    void unknownKeyIsAWarningNamingFileAndLine() throws ConfigException {
        ParsedConfig parsed = parse(base() + "\nmadeUpKey=1\nticktime=2000\n");

        assertThat(parsed.warnings()).containsExactly(
                SOURCE + " line 4: unknown key \"madeUpKey\" is ignored",
                SOURCE + " line 5: unknown key \"ticktime\" is ignored (did you mean \"tickTime\"?)");
        assertThat(parsed.config().tickTimeMillis()).isEqualTo(3000);
    }

    @Test
    void repeatedKeyWarnsAndTheLastValueWins() throws ConfigException {
        ParsedConfig parsed = parse(base() + "tickTime=1000\nzookeeper.tickTime=2000\n");

        assertThat(parsed.config().tickTimeMillis()).isEqualTo(2000);
        assertThat(parsed.warnings()).singleElement().asString()
                .startsWith(SOURCE + " line 4: zookeeper.tickTime is set again (first on line 3)");
    }

    @Test
    void unknownFourLetterWordIsAWarning() throws ConfigException {
        ParsedConfig parsed = parse(base() + "4lw.commands.whitelist=ruok,nope\n");

        assertThat(parsed.config().fourLetterWords()).containsExactlyInAnyOrder("srvr", "ruok");
        assertThat(parsed.warnings()).singleElement().asString().startsWith(SOURCE + " line 3: ")
                .contains("unknown four-letter word \"nope\"");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws ConfigException {
        String text = "# The number of milliseconds of each tick\n\n   \n! also a comment\n  # indented comment\n"
                + "tickTime=2000\n\t\n" + base();

        ParsedConfig parsed = parse(text);

        assertThat(parsed.config().tickTimeMillis()).isEqualTo(2000);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void trailingCommentIsPartOfTheValueAsInZooKeeper() {
        assertThatThrownBy(() -> parse(base() + "tickTime=2000 # two seconds\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(SOURCE + " line 3: tickTime must be a positive integer number of milliseconds,"
                        + " got \"2000 # two seconds\"");
    }

    @Test
    void readsFileAndNamesItInErrors(@TempDir Path dir) throws IOException, ConfigException {
        Path file = dir.resolve("zoo.cfg");
        Files.writeString(file, base() + "tickTime=1234\n", StandardCharsets.UTF_8);
        assertThat(ZooCfgParser.parse(file).config().tickTimeMillis()).isEqualTo(1234);

        Files.writeString(file, base() + "tickTime=abc\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ZooCfgParser.parse(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + " line 3: tickTime must be a positive integer number of milliseconds, got \"abc\"");
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.cfg");

        ConfigException e = failure(() -> ZooCfgParser.parse(file));

        assertThat(e.getMessage()).startsWith("Cannot read " + file);
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.line()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "255", "7\n", "  42  \nignored second line"})
    void myIdIsReadFromDataDir(String content) throws IOException, ConfigException {
        Files.writeString(dataDir.resolve("myid"), content, StandardCharsets.UTF_8);

        OptionalInt myId = parse(base()).config().myId();

        assertThat(myId).hasValue(Integer.parseInt(content.lines().findFirst().orElseThrow().strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "256", "-1", "one", ""})
    void badMyIdNamesTheMyIdFile(String content) throws IOException {
        Path file = dataDir.resolve("myid");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        ConfigException e = failure(() -> parse(base()));

        assertThat(e.getMessage()).isEqualTo(file + " line 1: myid must be a member id from 1 to 255, got \""
                + content + "\"");
        assertThat(e.key()).contains("myid");
    }
}
