package dev.glasshouse.engine.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code zoo.cfg} key the member recognises, with the kind of value it takes. A new key is
 * one line here. Keys for features that do not exist yet (quorum, persistence tuning, admin
 * server) are listed too, so that their values are type-checked now and a typo in them is caught
 * at startup instead of being silently ignored later.
 */
final class ConfigKeys {
    /** ZooKeeper turns any key {@code k} into the system property {@code zookeeper.k}; both spellings work. */
    static final String SYSTEM_PROPERTY_PREFIX = "zookeeper.";

    /** The four-letter words ZooKeeper 3.9 knows; {@code *} in the whitelist means all of them. */
    static final Set<String> FOUR_LETTER_WORDS = Set.of("ruok", "stat", "srvr", "conf", "cons", "crst", "dump",
            "envi", "mntr", "wchs", "wchc", "wchp", "isro", "dirs", "srst", "gtmk", "stmk", "hash");

    private static final Map<String, KnownKey> EXACT = table(List.of(
            // Applied by this member.
            key("tickTime", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("dataDir", ValueType.PATH, ""),
            key("dataLogDir", ValueType.PATH, ""),
            key("clientPort", ValueType.PORT, ""),
            key("clientPortAddress", ValueType.TEXT, ""),
            key("maxClientCnxns", ValueType.NON_NEGATIVE_INT, " (0 for no limit)"),
            key("minSessionTimeout", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("maxSessionTimeout", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("4lw.commands.whitelist", ValueType.TEXT, ""),
            key("extendedTypesEnabled", ValueType.BOOLEAN, ""),
            key("jute.maxbuffer", ValueType.FRAME_BYTES, ""),
            key("globalOutstandingLimit", ValueType.POSITIVE_INT, " number of requests"),
            key("znode.container.checkIntervalMs", ValueType.POSITIVE_LONG, " number of milliseconds"),
            key("znode.container.maxPerMinute", ValueType.POSITIVE_INT, ""),
            key("DigestAuthenticationProvider.superDigest", ValueType.USER_DIGEST, ""),
            // Applied with server.N lines (see ServerLines).
            key("initLimit", ValueType.POSITIVE_INT, " number of ticks"),
            key("syncLimit", ValueType.POSITIVE_INT, " number of ticks"),
            key("peerType", ValueType.PEER_TYPE, ""),
            key("standaloneEnabled", ValueType.BOOLEAN, ""),
            // Recognised and type-checked; applied by later work.
            key("connectToLearnerMasterLimit", ValueType.POSITIVE_INT, " number of ticks"),
            key("secureClientPort", ValueType.PORT, ""),
            key("secureClientPortAddress", ValueType.TEXT, ""),
            key("clientPortListenBacklog", ValueType.INT, ""),
            key("maxCnxns", ValueType.NON_NEGATIVE_INT, " (0 for no limit)"),
            key("snapCount", ValueType.POSITIVE_INT, " number of transactions"),
            key("snapSizeLimitInKb", ValueType.LONG, " number of kilobytes"),
            key("txnLogSizeLimitInKb", ValueType.LONG, " number of kilobytes"),
            key("preAllocSize", ValueType.POSITIVE_LONG, " number of kilobytes"),
            key("commitLogCount", ValueType.POSITIVE_INT, ""),
            key("autopurge.snapRetainCount", ValueType.POSITIVE_INT, ""),
            key("autopurge.purgeInterval", ValueType.NON_NEGATIVE_INT, " number of hours (0 turns purging off)"),
            key("admin.enableServer", ValueType.BOOLEAN, ""),
            key("admin.serverAddress", ValueType.TEXT, ""),
            key("admin.serverPort", ValueType.PORT, ""),
            key("admin.commandURL", ValueType.TEXT, ""),
            key("admin.idleTimeout", ValueType.NON_NEGATIVE_INT, " number of milliseconds"),
            key("admin.portUnification", ValueType.BOOLEAN, ""),
            key("admin.forceHttps", ValueType.BOOLEAN, ""),
            key("admin.needClientAuth", ValueType.BOOLEAN, ""),
            key("admin.rateLimiterIntervalInMS", ValueType.NON_NEGATIVE_LONG, " number of milliseconds"),
            key("admin.snapshot.enabled", ValueType.BOOLEAN, ""),
            key("admin.restore.enabled", ValueType.BOOLEAN, ""),
            key("metricsProvider.className", ValueType.TEXT, ""),
            key("metricsProvider.httpPort", ValueType.PORT, ""),
            key("metricsProvider.httpHost", ValueType.TEXT, ""),
            key("snapshot.compression.method", ValueType.TEXT, " (empty, gz or snappy)"),
            key("electionAlg", ValueType.INT, ""),
            key("leaderServes", ValueType.BOOLEAN, ""),
            key("cnxTimeout", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("quorumCnxnTimeoutMs", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("reconfigEnabled", ValueType.BOOLEAN, ""),
            key("dynamicConfigFile", ValueType.PATH, ""),
            key("localSessionsEnabled", ValueType.BOOLEAN, ""),
            key("localSessionsUpgradingEnabled", ValueType.BOOLEAN, ""),
            key("syncEnabled", ValueType.BOOLEAN, ""),
            key("quorumListenOnAllIPs", ValueType.BOOLEAN, ""),
            key("electionPortBindRetry", ValueType.NON_NEGATIVE_INT, ""),
            key("multiAddress.enabled", ValueType.BOOLEAN, ""),
            key("multiAddress.reachabilityCheckEnabled", ValueType.BOOLEAN, ""),
            key("multiAddress.reachabilityCheckTimeoutMs", ValueType.POSITIVE_INT, " number of milliseconds"),
            key("tcpKeepAlive", ValueType.BOOLEAN, ""),
            key("clientTcpKeepAlive", ValueType.BOOLEAN, ""),
            key("fsync.warningthresholdms", ValueType.NON_NEGATIVE_LONG, " number of milliseconds"),
            key("forceSync", ValueType.BOOLEAN, ""),
            key("skipACL", ValueType.BOOLEAN, ""),
            key("maxResponseCacheSize", ValueType.INT, ""),
            key("maxGetChildrenResponseCacheSize", ValueType.INT, ""),
            key("flushDelay", ValueType.NON_NEGATIVE_LONG, " number of milliseconds"),
            key("maxBatchSize", ValueType.POSITIVE_INT, ""),
            key("maxWriteQueuePollTime", ValueType.NON_NEGATIVE_LONG, " number of milliseconds"),
            key("requestThrottleLimit", ValueType.NON_NEGATIVE_INT, " (0 turns throttling off)"),
            key("enforceQuota", ValueType.BOOLEAN, ""),
            key("digest.enabled", ValueType.BOOLEAN, ""),
            key("readonlymode.enabled", ValueType.BOOLEAN, ""),
            key("snapshot.trust.empty", ValueType.BOOLEAN, ""),
            key("serverCnxnFactory", ValueType.TEXT, ""),
            key("sessionRequireClientSASLAuth", ValueType.BOOLEAN, ""),
            key("enforce.auth.enabled", ValueType.BOOLEAN, ""),
            key("enforce.auth.schemes", ValueType.TEXT, ""),
            key("sslQuorum", ValueType.BOOLEAN, ""),
            key("DigestAuthenticationProvider.digestAlg", ValueType.TEXT, "")));

    /** Families of keys that end in a member or group number ({@code server.1}, {@code weight.3}). */
    private static final Map<String, KnownKey> NUMBERED = table(List.of(
            key("server.", ValueType.TEXT, ""),
            key("group.", ValueType.TEXT, ""),
            key("weight.", ValueType.NON_NEGATIVE_INT, "")));

    /** Families of keys whose suffix is free-form ({@code ssl.keyStore.location}, {@code authProvider.1}). */
    private static final Map<String, KnownKey> PREFIXED = table(List.of(
            key("ssl.", ValueType.TEXT, ""),
            key("authProvider.", ValueType.TEXT, ""),
            key("metricsProvider.", ValueType.TEXT, "")));

    private ConfigKeys() {
    }

    /**
     * The definition of {@code key} as written in the file, with its canonical name: the
     * {@code zookeeper.} prefix removed, so that both spellings of one setting are the same key.
     */
    static Optional<KnownKey> find(String key) {
        String name = key.startsWith(SYSTEM_PROPERTY_PREFIX) ? key.substring(SYSTEM_PROPERTY_PREFIX.length()) : key;
        KnownKey exact = EXACT.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (KnownKey family : NUMBERED.values()) {
            if (name.startsWith(family.name()) && isNumber(name.substring(family.name().length()))) {
                return Optional.of(family.named(name));
            }
        }
        for (KnownKey family : PREFIXED.values()) {
            if (name.startsWith(family.name()) && name.length() > family.name().length()) {
                return Optional.of(family.named(name));
            }
        }
        return Optional.empty();
    }

    /** A known key that differs from {@code key} only in case, to suggest for a typo. */
    static Optional<String> similar(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return EXACT.keySet().stream().filter(name -> name.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    private static boolean isNumber(String suffix) {
        return !suffix.isEmpty() && suffix.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static KnownKey key(String name, ValueType type, String unit) {
        return new KnownKey(name, type, unit);
    }

    private static Map<String, KnownKey> table(List<KnownKey> keys) {
        Map<String, KnownKey> byName = new LinkedHashMap<>();
        for (KnownKey key : keys) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("zoo.cfg key " + key.name() + " is listed twice");
            }
        }
        return byName;
    }

    /**
     * One recognised key.
     *
     * @param name canonical name, without the {@code zookeeper.} prefix
     * @param type the kind of value it takes
     * @param unit what the number counts, appended to the type's phrase (" number of milliseconds")
     */
    record KnownKey(String name, ValueType type, String unit) {
        String expectation() {
            return type.expectation() + unit;
        }

        KnownKey named(String actualName) {
            return new KnownKey(actualName, type, unit);
        }
    }
}
