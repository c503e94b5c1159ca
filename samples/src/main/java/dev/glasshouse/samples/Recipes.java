package dev.glasshouse.samples;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import dev.glasshouse.samples.demo.Catalog;
import dev.glasshouse.samples.demo.Demo;
import dev.glasshouse.samples.demo.Stage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The samples launcher: runs one recipe with several participants against a server and narrates
 * what happens. {@code java -jar glasshouse-samples.jar lock --participants 3 --connect 127.0.0.1:2181};
 * without {@code --connect} it starts a local Glasshouse member on a free port and stops it after.
 * The composition root of the samples.
 */
public final class Recipes {
    private final Catalog catalog = new Catalog();
    private final PrintStream out;

    Recipes(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Recipes(System.out).run(args));
    }

    /** Runs the recipe the arguments name; returns the process exit code. */
    int run(String... args) throws Exception {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println("recipes: " + String.join(", ", catalog.names()));
            return 2;
        }
        Optional<Demo> demo = catalog.find(options.recipe());
        if (demo.isEmpty()) {
            out.println("No recipe called " + options.recipe() + ". Recipes: " + String.join(", ", catalog.names()));
            return 2;
        }
        Narrator narrator = Narrator.printingTo(out);
        if (options.connect().isPresent()) {
            play(demo.get(), options, options.connect().get(), narrator);
            return 0;
        }
        Path dataDir = Files.createTempDirectory("glasshouse-samples");
        try (StandaloneServer server = StandaloneServer.start(ServerConfig.defaults(dataDir, 0).withTickTime(500)
                .withClientPortAddress("127.0.0.1"))) {
            String connect = "127.0.0.1:" + server.clientPort();
            narrator.say("demo", "started a local Glasshouse member at " + connect);
            play(demo.get(), options, connect, narrator);
        }
        return 0;
    }

    private static void play(Demo demo, LaunchOptions options, String connect, Narrator narrator) throws Exception {
        narrator.say("demo", options.recipe() + " with " + options.participants() + " participants on " + connect);
        try (Stage stage = new Stage(connect, options.participants(), options.pace(), narrator)) {
            demo.run(stage);
        }
        narrator.say("demo", "done");
    }
}
