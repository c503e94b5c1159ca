package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.OpCode;

/** Who is waiting for the transaction at a zxid: a connection, the request's xid and opcode. */
record PendingWrite(long connectionId, int xid, OpCode op) {
}
