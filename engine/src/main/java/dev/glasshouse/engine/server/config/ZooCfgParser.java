package dev.glasshouse.engine.server.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a ZooKeeper 3.9 {@code zoo.cfg} into a {@link ServerConfig}, applying ZooKeeper's
 * defaults and checks, and reads {@code myid} from the data directory when it is there.
 * {@code server.N} lines make the member part of an ensemble ({@link ServerLines} holds their
 * rules, including when a single line still means standalone); {@code initLimit} and
 * {@code syncLimit} then default to 10 and 5 ticks.
 *
 * <p>Lines follow {@code java.util.Properties}: {@code key=value} (or {@code key: value},
 * {@code key value}), {@code #} and {@code !} start comments, blank lines are skipped and keys and
 * values are trimmed. Backslash escapes and continuation lines are not interpreted; ZooKeeper's
 * own samples never use them. Every key may also be written with the {@code zookeeper.} prefix of
 * its system property. An unknown key is a warning in the result; a bad value stops parsing with
 * a {@link ConfigException} naming the file, the line and the key. Stateless and thread-safe.
 */
public final class ZooCfgParser {
    static final int DEFAULT_MAX_CLIENT_CNXNS = 60;
    static final int DEFAULT_GLOBAL_OUTSTANDING_LIMIT = 1000;
    static final long DEFAULT_CONTAINER_CHECK_INTERVAL_MILLIS = 60_000;
    static final int DEFAULT_CONTAINER_MAX_PER_MINUTE = 10_000;
    static final int MAX_MY_ID = 255;

    private ZooCfgParser() {
    }

    /** Parses the file; its path as given names it in messages. */
    public static ParsedConfig parse(Path zooCfg) throws ConfigException {
        String source = zooCfg.toString();
        try (Reader reader = Files.newBufferedReader(zooCfg, StandardCharsets.UTF_8)) {
            return parse(reader, source);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /** Parses configuration text; {@code sourceName} stands for the file in messages. */
    public static ParsedConfig parse(String text, String sourceName) throws ConfigException {
        return parse(new StringReader(text), sourceName);
    }

    /** Parses configuration read from {@code reader}, which the caller closes. */
    public static ParsedConfig parse(Reader reader, String sourceName) throws ConfigException {
        Settings settings = new Settings(sourceName);
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        try {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                settings.accept(line, ++number);
            }
        } catch (IOException e) {
            throw unreadable(sourceName, e);
        }
        ServerConfig config = build(settings);
        return new ParsedConfig(config, settings.warnings());
    }

    private static ServerConfig build(Settings settings) throws ConfigException {
        int tick = settings.intValue("tickTime", ServerConfig.DEFAULT_TICK_TIME_MILLIS);
        Path dataDir = Path.of(settings.required("dataDir", "dataDir=/var/lib/zookeeper").value());
        Path dataLogDir = settings.find("dataLogDir").map(setting -> Path.of(setting.value())).orElse(dataDir);
        OptionalInt myId = readMyId(dataDir);
        ServerLines servers = ServerLines.parse(settings);
        Optional<ServerLines.Line> self = servers.self(myId, dataDir.resolve("myid"));
        int clientPort = servers.clientPort(self);
        Optional<String> clientPortAddress = servers.clientPortAddress(self);
        int minSessionTimeout = settings.intValue("minSessionTimeout", ticks(tick, 2));
        int maxSessionTimeout = settings.intValue("maxSessionTimeout", ticks(tick, 20));
        checkSessionTimeouts(settings, minSessionTimeout, maxSessionTimeout);
        return new ServerConfig(
                tick,
                dataDir,
                dataLogDir,
                clientPort,
                clientPortAddress,
                settings.intValue("maxClientCnxns", DEFAULT_MAX_CLIENT_CNXNS),
                minSessionTimeout,
                maxSessionTimeout,
                fourLetterWords(settings),
                settings.booleanValue("extendedTypesEnabled", false),
                settings.find("jute.maxbuffer").map(setting -> Integer.decode(setting.value()))
                        .orElse(ServerConfig.DEFAULT_MAX_FRAME_BYTES),
                settings.intValue("globalOutstandingLimit", DEFAULT_GLOBAL_OUTSTANDING_LIMIT),
                settings.longValue("znode.container.checkIntervalMs", DEFAULT_CONTAINER_CHECK_INTERVAL_MILLIS),
                settings.intValue("znode.container.maxPerMinute", DEFAULT_CONTAINER_MAX_PER_MINUTE),
                settings.find("DigestAuthenticationProvider.superDigest").map(Setting::value),
                myId,
                persistence(settings),
                admin(settings),
                settings.booleanValue("enforceQuota", false),
                servers.ensemble(self));
    }

    private static PersistenceConfig persistence(Settings settings) {
        PersistenceConfig defaults = PersistenceConfig.DEFAULTS;
        return new PersistenceConfig(
                settings.intValue("snapCount", defaults.snapCount()),
                settings.longValue("preAllocSize", defaults.preAllocSizeKb()),
                settings.booleanValue("forceSync", defaults.forceSync()),
                settings.intValue("autopurge.snapRetainCount", defaults.snapRetainCount()),
                settings.intValue("autopurge.purgeInterval", defaults.purgeIntervalHours()),
                settings.find("snapshot.compression.method").map(Setting::value).orElse(""),
                settings.longValue("fsync.warningthresholdms", defaults.fsyncWarningThresholdMillis()));
    }

    private static AdminConfig admin(Settings settings) {
        AdminConfig defaults = AdminConfig.DEFAULTS;
        // ZooKeeper serves metrics only when a provider is configured; its Prometheus provider uses port 7000.
        boolean metrics = settings.find("metricsProvider.className").isPresent()
                || settings.find("metricsProvider.httpPort").isPresent();
        return new AdminConfig(
                settings.booleanValue("admin.enableServer", defaults.enabled()),
                settings.find("admin.serverAddress").map(Setting::value).orElse(defaults.address()),
                settings.intValue("admin.serverPort", defaults.port()),
                settings.find("admin.commandURL").map(Setting::value).orElse(defaults.commandUrl()),
                metrics ? OptionalInt.of(settings.intValue("metricsProvider.httpPort", 7000)) : OptionalInt.empty(),
                settings.find("metricsProvider.httpHost").map(Setting::value).orElse(defaults.metricsHost()));
    }

    /** A default of some ticks; clamped because a huge tickTime must not wrap into a negative timeout. */
    private static int ticks(int tick, int count) {
        return (int) Math.min((long) tick * count, Integer.MAX_VALUE);
    }

    private static void checkSessionTimeouts(Settings settings, int min, int max) throws ConfigException {
        if (min <= max) {
            return;
        }
        Optional<Setting> minSetting = settings.find("minSessionTimeout");
        Optional<Setting> maxSetting = settings.find("maxSessionTimeout");
        // Point at the line that made the pair inconsistent: the one set explicitly, or the later one.
        Setting culprit = maxSetting.filter(m -> minSetting.map(n -> m.line() > n.line()).orElse(true))
                .or(() -> minSetting)
                .orElseThrow(() -> new IllegalStateException("default session timeouts " + min + " > " + max));
        throw settings.conflict(culprit, "minSessionTimeout (" + min + describe(minSetting, "2")
                + ") must not be larger than maxSessionTimeout (" + max + describe(maxSetting, "20")
                + "); lower minSessionTimeout or raise maxSessionTimeout");
    }

    private static String describe(Optional<Setting> setting, String defaultTicks) {
        return setting.map(s -> ", line " + s.line()).orElse(", the default of " + defaultTicks + " x tickTime");
    }

    private static Set<String> fourLetterWords(Settings settings) {
        Set<String> words = new TreeSet<>();
        // ZooKeeper always enables srvr (zkServer.sh status relies on it) and isro in read-only mode.
        words.add("srvr");
        if (settings.booleanValue("readonlymode.enabled", false)) {
            words.add("isro");
        }
        Optional<Setting> whitelist = settings.find("4lw.commands.whitelist");
        if (whitelist.isPresent()) {
            for (String raw : whitelist.get().value().split(",")) {
                addWord(settings, whitelist.get(), raw.strip(), words);
            }
        }
        return Collections.unmodifiableSet(words);
    }

    private static void addWord(Settings settings, Setting whitelist, String word, Set<String> words) {
        if (word.equals("*")) {
            words.addAll(ConfigKeys.FOUR_LETTER_WORDS);
        } else if (ConfigKeys.FOUR_LETTER_WORDS.contains(word)) {
            words.add(word);
        } else if (!word.isEmpty()) {
            settings.warn(whitelist.line(), whitelist.key() + " names unknown four-letter word \"" + word
                    + "\", which is ignored; known words are " + new TreeSet<>(ConfigKeys.FOUR_LETTER_WORDS));
        }
    }

    /** ZooKeeper reads the member id from the first line of {@code dataDir/myid}; a standalone member may omit it. */
    private static OptionalInt readMyId(Path dataDir) throws ConfigException {
        Path file = dataDir.resolve("myid");
        if (!Files.exists(file)) {
            return OptionalInt.empty();
        }
        String firstLine;
        try {
            firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
        Settings myId = new Settings(file.toString());
        Setting setting = new Setting("myid", firstLine, 1);
        long id = ValueType.parseLong(firstLine).orElse(-1);
        if (id < 1 || id > MAX_MY_ID) {
            throw myId.invalid(setting, "a member id from 1 to " + MAX_MY_ID);
        }
        return OptionalInt.of((int) id);
    }

    private static ConfigException unreadable(String source, IOException e) {
        return new ConfigException(source, "Cannot read " + source + " (" + e + "). Check that the file exists"
                + " and that this user may read it.", e);
    }
}
