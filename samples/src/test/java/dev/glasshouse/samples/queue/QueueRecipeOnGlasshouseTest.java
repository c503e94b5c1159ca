package dev.glasshouse.samples.queue;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link QueueRecipeTest} against a Glasshouse member. */
class QueueRecipeOnGlasshouseTest extends QueueRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
