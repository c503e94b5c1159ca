package dev.glasshouse.samples.masterworker;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link MasterWorkerRecipeTest} against a Glasshouse member. */
class MasterWorkerRecipeOnGlasshouseTest extends MasterWorkerRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
