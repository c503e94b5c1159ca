package dev.glasshouse.engine.server.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a member needs from {@code zoo.cfg}, with ZooKeeper's defaults applied. A member is
 * standalone when {@link #ensemble()} is empty and replicates with the members listed there
 * otherwise. Immutable; built by {@link ZooCfgParser} or, in tests, by {@link #defaults(Path, int)}.
 *
 * @param tickTimeMillis             ZooKeeper's base time unit ({@code tickTime})
 * @param dataDir                    where snapshots (and, by default, the transaction log) live
 * @param dataLogDir                 where the transaction log lives ({@code dataLogDir}, default dataDir)
 * @param clientPort                 the client port; 0 asks the OS for a free one (tests)
 * @param clientPortAddress          the address to bind, empty for all interfaces
 * @param maxClientCnxns             connections allowed per client address, 0 for no limit
 * @param minSessionTimeoutMillis    lower bound for negotiated session timeouts (default 2 ticks)
 * @param maxSessionTimeoutMillis    upper bound for negotiated session timeouts (default 20 ticks)
 * @param fourLetterWords            the whitelisted four-letter words ({@code *} expanded)
 * @param extendedTypesEnabled       whether TTL nodes may be created ({@code zookeeper.extendedTypesEnabled})
 * @param maxFrameBytes              {@code jute.maxbuffer}: the largest frame a client may send
 * @param globalOutstandingLimit     requests queued before the server stops reading
 * @param containerCheckIntervalMillis how often empty containers and expired TTL nodes are looked for
 * @param containerMaxPerMinute      how many containers may be deleted per minute
 * @param superDigest                {@code zookeeper.DigestAuthenticationProvider.superDigest}, if set
 * @param myId                       the member id from {@code dataDir/myid} (1..255), empty when the file is absent
 * @param persistence                transaction log and snapshot settings
 * @param admin                      AdminServer and metrics endpoints
 * @param enforceQuota               whether hard quotas fail writes ({@code zookeeper.enforceQuota})
 * @param ensemble                   the {@code server.N} membership and its limits; empty for a standalone member
 */
public record ServerConfig(
        int tickTimeMillis,
        Path dataDir,
        Path dataLogDir,
        int clientPort,
        Optional<String> clientPortAddress,
        int maxClientCnxns,
        int minSessionTimeoutMillis,
        int maxSessionTimeoutMillis,
        Set<String> fourLetterWords,
        boolean extendedTypesEnabled,
        int maxFrameBytes,
        int globalOutstandingLimit,
        long containerCheckIntervalMillis,
        int containerMaxPerMinute,
        Optional<String> superDigest,
        OptionalInt myId,
        PersistenceConfig persistence,
        AdminConfig admin,
        boolean enforceQuota,
        Optional<EnsembleConfig> ensemble) {

    public static final int DEFAULT_TICK_TIME_MILLIS = 3000;
    public static final int DEFAULT_MAX_FRAME_BYTES = 0xfffff;

    /** A standalone configuration, as code written before {@code ensemble} existed builds it. */
    public ServerConfig(int tickTimeMillis, Path dataDir, Path dataLogDir, int clientPort,
                        Optional<String> clientPortAddress, int maxClientCnxns, int minSessionTimeoutMillis,
                        int maxSessionTimeoutMillis, Set<String> fourLetterWords, boolean extendedTypesEnabled,
                        int maxFrameBytes, int globalOutstandingLimit, long containerCheckIntervalMillis,
                        int containerMaxPerMinute, Optional<String> superDigest, OptionalInt myId,
                        PersistenceConfig persistence, AdminConfig admin, boolean enforceQuota) {
        this(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled, maxFrameBytes,
                globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest, myId,
                persistence, admin, enforceQuota, Optional.empty());
    }

    /** The configuration without a member id, as code written before {@code myId} existed builds it. */
    public ServerConfig(int tickTimeMillis, Path dataDir, Path dataLogDir, int clientPort,
                        Optional<String> clientPortAddress, int maxClientCnxns, int minSessionTimeoutMillis,
                        int maxSessionTimeoutMillis, Set<String> fourLetterWords, boolean extendedTypesEnabled,
                        int maxFrameBytes, int globalOutstandingLimit, long containerCheckIntervalMillis,
                        int containerMaxPerMinute, Optional<String> superDigest) {
        this(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled, maxFrameBytes,
                globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                OptionalInt.empty(), PersistenceConfig.DEFAULTS, AdminConfig.DISABLED, false);
    }

    /**
     * ZooKeeper's defaults for everything but the directory and port, except that nothing but the
     * client port listens (no AdminServer): what embedded members and tests want.
     */
    public static ServerConfig defaults(Path dataDir, int clientPort) {
        int tick = DEFAULT_TICK_TIME_MILLIS;
        return new ServerConfig(tick, dataDir, dataDir, clientPort, Optional.empty(), 60, 2 * tick, 20 * tick,
                Set.of("srvr"), false, DEFAULT_MAX_FRAME_BYTES, 1000, 60_000, 10_000, Optional.empty());
    }

    public ServerConfig withTickTime(int millis) {
        return new ServerConfig(millis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                2 * millis, 20 * millis, fourLetterWords, extendedTypesEnabled, maxFrameBytes,
                globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enforceQuota, ensemble);
    }

    public ServerConfig withExtendedTypes(boolean enabled) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, enabled, maxFrameBytes,
                globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enforceQuota, ensemble);
    }

    public ServerConfig withContainerCheckInterval(long millis) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, millis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enforceQuota, ensemble);
    }

    public ServerConfig withPersistence(PersistenceConfig settings) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, settings, admin, enforceQuota, ensemble);
    }

    public ServerConfig withAdmin(AdminConfig settings) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, settings, enforceQuota, ensemble);
    }

    public ServerConfig withFourLetterWords(Set<String> words) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, Set.copyOf(words), extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enforceQuota, ensemble);
    }

    public ServerConfig withEnforceQuota(boolean enabled) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enabled, ensemble);
    }

    public ServerConfig withClientPortAddress(String address) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, Optional.of(address), maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                myId, persistence, admin, enforceQuota, ensemble);
    }

    /**
     * This configuration as a member of {@code ensemble}, whose {@code myId} becomes this one's;
     * empty makes it standalone and keeps the member id.
     */
    public ServerConfig withEnsemble(Optional<EnsembleConfig> ensemble) {
        return new ServerConfig(tickTimeMillis, dataDir, dataLogDir, clientPort, clientPortAddress, maxClientCnxns,
                minSessionTimeoutMillis, maxSessionTimeoutMillis, fourLetterWords, extendedTypesEnabled,
                maxFrameBytes, globalOutstandingLimit, containerCheckIntervalMillis, containerMaxPerMinute, superDigest,
                ensemble.map(e -> OptionalInt.of(e.myId())).orElse(myId), persistence, admin, enforceQuota, ensemble);
    }
}
