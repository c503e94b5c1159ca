package dev.glasshouse.engine.console;

/**
 * Renders zxids the way the consoles show them: hex, and split into ZAB's epoch (high 32 bits)
 * and counter (low 32 bits), e.g. {@code 0x100000002 (epoch 1, counter 2)}.
 */
public final class ZxidText {
    private ZxidText() {
    }

    public static String hex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    public static String of(long zxid) {
        return hex(zxid) + " (epoch " + (zxid >>> 32) + ", counter " + (zxid & 0xFFFF_FFFFL) + ")";
    }
}
