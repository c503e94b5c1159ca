package dev.glasshouse.console.desktop;

import java.nio.file.Path;

/** The desktop console's main flow against an in-process Glasshouse server; saves README's screenshots. */
class GlasshouseConsoleFlowTest extends ConsoleFlowContract {
    @Override
    TestServers.Running start(Path dataDir) {
        return TestServers.glasshouse(dataDir);
    }

    @Override
    boolean savesScreenshots() {
        return true;
    }
}
