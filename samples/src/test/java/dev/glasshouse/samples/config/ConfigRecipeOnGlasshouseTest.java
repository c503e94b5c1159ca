package dev.glasshouse.samples.config;

import dev.glasshouse.samples.testing.GlasshouseTestServer;
import dev.glasshouse.samples.testing.TestServer;
import java.nio.file.Path;

/** {@link ConfigRecipeTest} against a Glasshouse member. */
class ConfigRecipeOnGlasshouseTest extends ConfigRecipeTest {

    @Override
    protected TestServer startServer(Path dataDir) {
        return GlasshouseTestServer.start(dataDir);
    }
}
