package dev.glasshouse.samples.election;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link ElectionRecipeTest} against a Glasshouse member. */
class ElectionRecipeOnGlasshouseTest extends ElectionRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
