package dev.glasshouse.samples.testing;

import dev.glasshouse.engine.server.StandaloneServer;
import dev.glasshouse.engine.server.config.ServerConfig;
import java.nio.file.Path;

/** A Glasshouse member in this JVM with a short tick, so sessions negotiate quickly. */
public final class GlasshouseTestServer implements TestServer {
    private final StandaloneServer server;

    private GlasshouseTestServer(StandaloneServer server) {
        this.server = server;
    }

    public static GlasshouseTestServer start(Path dataDir) {
        return new GlasshouseTestServer(StandaloneServer.start(ServerConfig.defaults(dataDir, 0).withTickTime(200)));
    }

    @Override
    public String connectString() {
        return "127.0.0.1:" + server.clientPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
