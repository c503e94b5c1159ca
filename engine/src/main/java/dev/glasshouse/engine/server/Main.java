package dev.glasshouse.engine.server;

import dev.glasshouse.engine.server.config.ConfigException;
import dev.glasshouse.engine.server.config.ParsedConfig;
import dev.glasshouse.engine.server.config.ZooCfgParser;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line of the engine: {@code glasshouse-engine [zoo.cfg]} runs a standalone member;
 * {@code glasshouse-engine ensemble --servers 3 --dir DIR} runs a local ensemble ({@link EnsembleCommand});
 * {@code glasshouse-engine digest user:password} prints the ACL id for a digest user; {@code log dump},
 * {@code snapshot dump} and {@code purge} inspect and clean a data directory ({@link DataCommands}).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String DEFAULT_CONFIG = "conf/zoo.cfg";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(usage());
            return 0;
        }
        if (args.length == 2 && args[0].equals("digest")) {
            out.println(DigestAuthenticator.digest(args[1]));
            return 0;
        }
        if (args.length > 0 && args[0].equals("ensemble")) {
            return EnsembleCommand.run(List.of(args).subList(1, args.length), System.in, out, err);
        }
        Optional<Integer> dataCommand = DataCommands.run(args, out, err);
        if (dataCommand.isPresent()) {
            return dataCommand.get();
        }
        if (args.length > 1) {
            err.println(usage());
            return 2;
        }
        return serve(Path.of(args.length == 1 ? args[0] : DEFAULT_CONFIG), err);
    }

    private static int serve(Path configFile, PrintStream err) throws InterruptedException {
        if (!Files.isRegularFile(configFile)) {
            err.println("glasshouse-engine: configuration file " + configFile.toAbsolutePath()
                    + " does not exist. Pass the path of a zoo.cfg, e.g. conf/zoo.cfg.");
            return 2;
        }
        ParsedConfig parsed;
        try {
            parsed = ZooCfgParser.parse(configFile);
        } catch (ConfigException e) {
            err.println("glasshouse-engine: " + e.getMessage());
            return 2;
        }
        parsed.warnings().forEach(warning -> log.warn("Configuration warning: {}", warning));
        AutoCloseable server;
        try {
            server = parsed.config().ensemble().isPresent() ? ReplicatedServer.start(parsed.config())
                    : StandaloneServer.start(parsed.config());
        } catch (RuntimeException e) {
            err.println("glasshouse-engine: " + startFailure(e, parsed.config().clientPort()));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Stopping failed", e);
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    private static String startFailure(RuntimeException e, int port) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof BindException) {
                return "cannot listen on client port " + port + " (" + cause.getMessage() + "). Another server may"
                        + " be running there: stop it, or set clientPort in the configuration to a free port.";
            }
            cause = cause.getCause();
        }
        return "could not start: " + e.getMessage();
    }

    private static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: glasshouse-engine [zoo.cfg]            run a member: standalone, or of the ensemble its server.N lines name (default " + DEFAULT_CONFIG + ")",
                "       glasshouse-engine digest user:password  print the digest ACL id for a user",
                EnsembleCommand.USAGE,
                DataCommands.USAGE);
    }
}
