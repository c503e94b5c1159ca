package dev.glasshouse.engine.server.config;

/**
 * One {@code key=value} line of a {@code zoo.cfg}, remembered with its line so that a value found
 * wrong later (a minimum above its maximum) can still be pointed at.
 *
 * @param key   the key as written, which may carry the {@code zookeeper.} prefix
 * @param value the value with surrounding whitespace removed, as ZooKeeper trims it
 * @param line  1-based line number in the file
 */
record Setting(String key, String value, int line) {
}
