package dev.glasshouse.engine.admin;

/**
 * The version this member reports, in ZooKeeper's shape ({@code <zk version>-<build>, built on
 * <date>}) so that tools which parse ZooKeeper's version keep working: kazoo's
 * {@code server_version()} reads the digits before the first dash of {@code envi}'s
 * {@code zookeeper.version=}, exporters split {@code srvr}'s first line at {@code , built on }.
 */
final class Version {
    /** The ZooKeeper release whose client protocol and operations surface this member speaks. */
    static final String ZOOKEEPER = "3.9.4";
    static final String GLASSHOUSE = "0.1.0";
    static final String FULL = ZOOKEEPER + "-glasshouse-" + GLASSHOUSE + ", built on unknown date";

    private Version() {
    }
}
