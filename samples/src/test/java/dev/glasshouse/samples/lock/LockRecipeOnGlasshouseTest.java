package dev.glasshouse.samples.lock;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link LockRecipeTest} against a Glasshouse member. */
class LockRecipeOnGlasshouseTest extends LockRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
