package dev.glasshouse.engine.compat;

import java.io.IOException;
import org.apache.jute.Record;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;

/**
 * The official client with its argument checks bypassed: sends one request record as given, the
 * way kazoo or the C client might, so tests can see how the server itself validates it.
 */
final class RawRequestZooKeeper extends ZooKeeper {

    RawRequestZooKeeper(String connectString, Watcher watcher) throws IOException {
        super(connectString, ClientSessions.SESSION_TIMEOUT_MILLIS, watcher);
    }

    /** Sends {@code request} as operation {@code opCode} and returns the reply's error code. */
    int send(int opCode, Record request, Record response) throws InterruptedException {
        RequestHeader header = new RequestHeader();
        header.setType(opCode);
        ReplyHeader reply = cnxn.submitRequest(header, request, response, null);
        return reply.getErr();
    }
}
