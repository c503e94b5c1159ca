package dev.glasshouse.engine.console;

/** How a znode's bytes are shown: as text, as pretty-printed JSON, as a hex dump or as base64. */
public enum DataFormat {
    TEXT,
    JSON,
    HEX,
    BASE64
}
