package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Stat;

/**
 * One child as the tree shows it: name, whether it is ephemeral or looks sequential, how many
 * children and bytes it has, and its times for sorting. Immutable.
 */
public record ZnodeEntry(String path, String name, boolean ephemeral, boolean sequential, int numChildren,
                         int dataLength, long ctime, long mtime) {

    static ZnodeEntry of(String path, String name, Stat stat) {
        return new ZnodeEntry(path, name, stat.ephemeralOwner() != 0, looksSequential(name), stat.numChildren(),
                stat.dataLength(), stat.ctime(), stat.mtime());
    }

    // ZooKeeper appends a ten-digit counter to sequential names; the Stat itself does not say.
    private static boolean looksSequential(String name) {
        int length = name.length();
        if (length < 10) {
            return false;
        }
        for (int i = length - 10; i < length; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
