package dev.glasshouse.engine.console;

import dev.glasshouse.engine.wire.Stat;

/**
 * A save that lost a race: the node changed since it was loaded. Holds the user's text and the
 * server's newer value so the dialog can show both and let the user overwrite or discard.
 */
public record Conflict(String yourText, RenderedData serverValue, Stat serverStat) {
}
