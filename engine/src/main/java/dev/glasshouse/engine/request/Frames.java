package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.JuteOutput;
import dev.glasshouse.engine.wire.KeeperState;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.WatcherEvent;
import dev.glasshouse.engine.watch.WatchEvent;

/** Encodes the frame bodies the pipeline sends; the network layer adds the length prefix. */
final class Frames {
    private Frames() {
    }

    static byte[] reply(int xid, long zxid, Reply reply) {
        JuteOutput out = new JuteOutput();
        new ReplyHeader(xid, zxid, reply.err().code()).write(out);
        if (reply.err().code() == 0) {
            reply.body().write(out);
        }
        return out.toByteArray();
    }

    static byte[] header(int xid, long zxid, int err) {
        JuteOutput out = new JuteOutput(16);
        new ReplyHeader(xid, zxid, err).write(out);
        return out.toByteArray();
    }

    static byte[] reply(int xid, long zxid, ResponseBody body) {
        JuteOutput out = new JuteOutput();
        new ReplyHeader(xid, zxid, 0).write(out);
        body.write(out);
        return out.toByteArray();
    }

    /** A watch notification: xid -1, the zxid of the change (-1 for re-registration), state SyncConnected. */
    static byte[] notification(long zxid, WatchEvent event) {
        JuteOutput out = new JuteOutput();
        new ReplyHeader(RequestHeader.NOTIFICATION_XID, zxid, 0).write(out);
        new WatcherEvent(event.type().code(), KeeperState.SYNC_CONNECTED.code(), event.path()).write(out);
        return out.toByteArray();
    }

    static byte[] connect(ConnectResponse response) {
        JuteOutput out = new JuteOutput(48);
        response.write(out);
        return out.toByteArray();
    }
}
