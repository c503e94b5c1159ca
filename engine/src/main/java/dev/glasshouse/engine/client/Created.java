package dev.glasshouse.engine.client;

import dev.glasshouse.engine.wire.Stat;

/** The outcome of a create: the actual path (with the sequence suffix, relative to the chroot) and the new Stat. */
public record Created(String path, Stat stat) {
}
