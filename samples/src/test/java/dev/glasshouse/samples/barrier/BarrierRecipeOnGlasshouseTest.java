package dev.glasshouse.samples.barrier;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link BarrierRecipeTest} against a Glasshouse member. */
class BarrierRecipeOnGlasshouseTest extends BarrierRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
