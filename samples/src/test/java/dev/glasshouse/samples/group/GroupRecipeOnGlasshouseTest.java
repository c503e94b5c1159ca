package dev.glasshouse.samples.group;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link GroupRecipeTest} against a Glasshouse member. */
class GroupRecipeOnGlasshouseTest extends GroupRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
