package dev.glasshouse.engine.admin.api;

/** Bytes of snapshots in the data directory and of transaction logs in the log directory ({@code dirs}). */
public record DirectorySizes(long dataDirBytes, long logDirBytes) {

    public static final DirectorySizes NONE = new DirectorySizes(0, 0);
}
