package dev.glasshouse.engine.net;

import dev.glasshouse.engine.request.LeaderRequest;
import dev.glasshouse.engine.request.LeaderRequest.OpenSession;
import dev.glasshouse.engine.request.LeaderRequest.Sync;
import dev.glasshouse.engine.request.LeaderRequest.Touches;
import dev.glasshouse.engine.request.LeaderRequest.Write;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.RequestCodec;
import dev.glasshouse.engine.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@link PeerCodec} that lays out a learner's requests for its leader (tags 30 to 33;
 * the layout table is in {@link PeerCodec}'s Javadoc). A write's record keeps the client protocol's
 * layout inside a length-prefixed buffer, so it is decoded by the same code as a client's request
 * and must fill its buffer exactly. Stateless.
 */
final class LeaderRequestCodec {
    static final int OPEN_SESSION = 30;
    static final int WRITE = 31;
    static final int SYNC = 32;
    static final int TOUCHES = 33;

    /** An identity is at least the lengths of its scheme and id. */
    private static final int MIN_IDENTITY_BYTES = 8;

    private LeaderRequestCodec() {
    }

    static void write(PeerEnvelope.ToLeader envelope, JuteOutput out) {
        LeaderRequest request = envelope.request();
        if (request instanceof OpenSession r) {
            PeerCodec.header(OPEN_SESSION, envelope.from(), envelope.to(), out).writeLong(r.sessionId())
                    .writeInt(r.timeoutMillis()).writeBuffer(r.password());
        } else if (request instanceof Write r) {
            writeWrite(r, PeerCodec.header(WRITE, envelope.from(), envelope.to(), out));
        } else if (request instanceof Sync r) {
            PeerCodec.header(SYNC, envelope.from(), envelope.to(), out).writeLong(r.sessionId()).writeInt(r.cxid());
        } else {
            List<Long> sessionIds = ((Touches) request).sessionIds();
            PeerCodec.header(TOUCHES, envelope.from(), envelope.to(), out).writeInt(sessionIds.size());
            for (long sessionId : sessionIds) {
                out.writeLong(sessionId);
            }
        }
    }

    static LeaderRequest read(int tag, JuteInput in) {
        return switch (tag) {
            case OPEN_SESSION -> new OpenSession(in.readLong(), in.readInt(), PeerCodec.readBytes(in, "password"));
            case WRITE -> readWrite(in);
            case SYNC -> new Sync(in.readLong(), in.readInt());
            case TOUCHES -> readTouches(in);
            default -> throw new IllegalArgumentException("tag " + tag + " is not a leader request");
        };
    }

    private static void writeWrite(Write write, JuteOutput out) {
        OpCode op = OpCode.fromCode(write.type()).orElseThrow(() -> new IllegalArgumentException(
                "forwarded write has unknown opcode " + write.type()));
        JuteOutput body = new JuteOutput();
        write.body().write(op, body);
        out.writeLong(write.sessionId()).writeInt(write.cxid()).writeInt(write.type()).writeBuffer(body.toByteArray())
                .writeInt(write.identities().size());
        for (Id identity : write.identities()) {
            identity.write(out);
        }
    }

    private static Write readWrite(JuteInput in) {
        long sessionId = in.readLong();
        int cxid = in.readInt();
        int type = in.readInt();
        OpCode op = OpCode.fromCode(type)
                .orElseThrow(() -> new WireFormatException("forwarded write has unknown opcode " + type));
        JuteInput bodyIn = JuteInput.of(PeerCodec.readBytes(in, "write request record"));
        RequestBody body = RequestCodec.read(op, bodyIn);
        PeerCodec.requireEnd(bodyIn, op + " request record");
        int count = PeerCodec.readCount(in, "identity", MIN_IDENTITY_BYTES);
        List<Id> identities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            identities.add(Id.read(in));
        }
        return new Write(sessionId, cxid, type, body, identities);
    }

    private static Touches readTouches(JuteInput in) {
        int count = PeerCodec.readCount(in, "touched session", Long.BYTES);
        List<Long> sessionIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sessionIds.add(in.readLong());
        }
        return new Touches(sessionIds);
    }
}
