package dev.glasshouse.engine.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * JUnit extension behind {@link AgainstEachTarget}: one invocation per enabled target, each of
 * which starts its server in a fresh temporary directory and stops it (and deletes the directory)
 * when the invocation ends, whether it passed or not.
 */
final class TargetServers implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TargetServers.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Target.enabled().stream().map(Invocation::new);
    }

    private record Invocation(Target target) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return target.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ServerResolver(target));
        }
    }

    private record ServerResolver(Target target) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TargetServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            RunningServer running = context.getStore(NAMESPACE).getOrComputeIfAbsent(
                    "server", key -> RunningServer.start(target), RunningServer.class);
            return running.server();
        }
    }

    /** A server and its directory; JUnit closes it when the invocation's store is discarded. */
    private record RunningServer(TargetServer server, Path dataDir)
            implements ExtensionContext.Store.CloseableResource {

        static RunningServer start(Target target) {
            try {
                Path dir = Files.createTempDirectory("compat-" + target.name().toLowerCase(java.util.Locale.ROOT));
                return new RunningServer(target.start(dir), dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a data directory for " + target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                server.close();
            } finally {
                deleteRecursively(dataDir);
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
