package dev.glasshouse.console.desktop;

import java.nio.file.Path;

/** The same flow against Apache ZooKeeper 3.9 in process: the console is a generic ZooKeeper tool. */
class ReferenceConsoleFlowTest extends ConsoleFlowContract {
    @Override
    TestServers.Running start(Path dataDir) throws Exception {
        return TestServers.reference(dataDir);
    }

    @Override
    boolean savesScreenshots() {
        return false;
    }
}
