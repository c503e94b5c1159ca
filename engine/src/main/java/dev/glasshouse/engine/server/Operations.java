package dev.glasshouse.engine.server;

import dev.glasshouse.engine.admin.AdminCommands;
import dev.glasshouse.engine.admin.FourLetterWords;
import dev.glasshouse.engine.admin.MemberInspector;
import dev.glasshouse.engine.admin.MemberStatus;
import dev.glasshouse.engine.admin.OperationsEndpoints;
import dev.glasshouse.engine.admin.QuorumStatus;
import dev.glasshouse.engine.admin.StorageStatus;
import dev.glasshouse.engine.admin.api.MemberConfiguration;
import dev.glasshouse.engine.net.ServerStats;
import dev.glasshouse.engine.request.Authenticator;
import dev.glasshouse.engine.server.config.AdminConfig;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The operations surface of a member, wired from its configuration: traffic statistics for the
 * client listener, the four-letter words it answers, and the AdminServer and metrics listeners.
 * Storage figures come from the {@link StorageStatus} the composition root passes in.
 */
final class Operations {
    private final ServerConfig config;
    private final ServerStats stats = new ServerStats();
    private final MemberStatus status;
    private final AdminCommands commands;
    private final FourLetterWords fourLetterWords;
    private volatile int boundClientPort;

    Operations(ServerConfig config, MemberInspector inspector, Authenticator authenticator, StorageStatus storage) {
        this(config, inspector, authenticator, storage, QuorumStatus.standalone(config.myId().orElse(0)));
    }

    /** The operations surface of an ensemble member, which reports {@code quorum} as it changes. */
    Operations(ServerConfig config, MemberInspector inspector, Authenticator authenticator, StorageStatus storage,
               QuorumStatus quorum) {
        this.config = config;
        this.boundClientPort = config.clientPort();
        this.status = new MemberStatus(inspector, stats, this::configuration, storage, quorum);
        this.commands = new AdminCommands(status, authenticator, inspector);
        this.fourLetterWords = new FourLetterWords(status, config.fourLetterWords());
    }

    ServerStats stats() {
        return stats;
    }

    FourLetterWords fourLetterWords() {
        return fourLetterWords;
    }

    /** Starts the HTTP listeners the configuration asks for, once the client port is bound. */
    OperationsEndpoints startEndpoints(int clientPort) {
        boundClientPort = clientPort;
        AdminConfig admin = config.admin();
        Optional<InetSocketAddress> adminAddress = admin.enabled()
                ? Optional.of(new InetSocketAddress(admin.address(), admin.port())) : Optional.empty();
        Optional<InetSocketAddress> metricsAddress = admin.metricsPort().isPresent()
                ? Optional.of(new InetSocketAddress(admin.metricsHost(), admin.metricsPort().getAsInt()))
                : Optional.empty();
        return OperationsEndpoints.start(adminAddress, admin.commandUrl(), metricsAddress, commands, status);
    }

    private MemberConfiguration configuration() {
        return new MemberConfiguration(boundClientPort, config.dataDir().toString(), config.dataLogDir().toString(),
                config.tickTimeMillis(), config.maxClientCnxns(), config.minSessionTimeoutMillis(),
                config.maxSessionTimeoutMillis(), config.myId().orElse(0), -1);
    }
}
