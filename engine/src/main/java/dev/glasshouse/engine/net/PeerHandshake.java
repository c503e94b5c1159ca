package dev.glasshouse.engine.net;

import dev.glasshouse.engine.quorum.MemberId;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.WireFormatException;

/**
 * The first frame on a peer connection, in which the dialling member names itself:
 * {@code magic:int version:int member:long}. The magic tells a stray client or scanner from a
 * peer, the version lets a later protocol refuse an older one plainly, and the acceptor checks
 * every later message's sender against {@code member}. Immutable.
 */
record PeerHandshake(MemberId member) {
    /** "GHPR": Glasshouse peer. */
    static final int MAGIC = 0x47485052;
    static final int VERSION = 1;

    byte[] encode() {
        return new JuteOutput(16).writeInt(MAGIC).writeInt(VERSION).writeLong(member.value()).toByteArray();
    }

    /** @throws WireFormatException if {@code frame} is not exactly a handshake of this version */
    static PeerHandshake decode(byte[] frame) {
        JuteInput in = JuteInput.of(frame);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new WireFormatException("not a peer handshake: magic 0x" + Integer.toHexString(magic));
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new WireFormatException("peer protocol version " + version + ", this member speaks " + VERSION);
        }
        PeerHandshake handshake = new PeerHandshake(MemberId.of(in.readLong()));
        PeerCodec.requireEnd(in, "peer handshake");
        return handshake;
    }
}
