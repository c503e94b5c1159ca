package dev.glasshouse.engine.net;

import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.ResponseCodec;
import dev.glasshouse.engine.wire.Stat;
import dev.glasshouse.engine.wire.WatcherEvent;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns server frames into comparable lines: every field as sent, except what legitimately
 * differs between two servers (session ids, passwords, wall-clock times).
 */
final class FrameTranscript {
    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return lines;
    }

    void note(String line) {
        lines.add(line);
    }

    /** Records the ConnectResponse (or the close) and returns the session id, 0 when there was none. */
    long connectReply(RawClient client) throws Exception {
        Optional<byte[]> frame = client.readFrame();
        if (frame.isEmpty()) {
            lines.add("connect: closed");
            return 0;
        }
        JuteInput in = JuteInput.of(frame.get());
        ConnectResponse response = ConnectResponse.read(in);
        lines.add("connect: bytes=" + frame.get().length + " timeout=" + response.timeoutMillis()
                + " session=" + (response.sessionId() == 0 ? "0" : "set") + " passwordBytes="
                + response.password().length + " readOnly=" + response.readOnly() + " legacy=" + response.legacy());
        return response.sessionId();
    }

    /** Reads frames until the reply with {@code xid} (or the close), recording notifications on the way. */
    void replyTo(RawClient client, int xid, OpCode op) throws Exception {
        while (true) {
            Optional<byte[]> frame = client.readFrame();
            if (frame.isEmpty()) {
                lines.add("closed");
                return;
            }
            JuteInput in = JuteInput.of(frame.get());
            ReplyHeader header = ReplyHeader.read(in);
            if (header.xid() == -1) {
                WatcherEvent event = WatcherEvent.read(in);
                lines.add("event zxid=" + header.zxid() + " " + describe(event));
                continue;
            }
            String body = header.err() == 0 && in.hasRemaining() ? " " + describe(ResponseCodec.read(op, in)) : "";
            lines.add("reply xid=" + header.xid() + " zxid=0x" + Long.toHexString(header.zxid()) + " err="
                    + header.err() + body + (in.hasRemaining() ? " trailing=" + in.remaining() : ""));
            if (header.xid() == xid) {
                return;
            }
        }
    }

    /** Asserts-by-transcript that the server closes without sending anything more. */
    void closeExpected(RawClient client) throws Exception {
        Optional<byte[]> frame = client.readFrame();
        lines.add(frame.isEmpty() ? "closed" : "unexpected frame of " + frame.get().length + " bytes");
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Stat stat) {
            return "Stat[czxid=" + stat.czxid() + " mzxid=" + stat.mzxid() + " version=" + stat.version()
                    + " cversion=" + stat.cversion() + " aversion=" + stat.aversion() + " owner="
                    + (stat.ephemeralOwner() == 0 ? "0" : "session") + " dataLength=" + stat.dataLength()
                    + " numChildren=" + stat.numChildren() + " pzxid=" + stat.pzxid() + "]";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(describe(item)));
            if (list.stream().allMatch(String.class::isInstance)) {
                items.sort(null); // child order is unspecified in ZooKeeper (a HashSet)
            }
            return items.toString();
        }
        if (value instanceof Record record) {
            StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    text.append(component.getName()).append('=')
                            .append(describe(component.getAccessor().invoke(record))).append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return text.toString().trim() + "]";
        }
        return String.valueOf(value);
    }
}
