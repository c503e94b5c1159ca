package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Id;
import java.util.List;

/** Who sent a request: the connection (which is also the watcher), the session and its identities. */
record RequestContext(long connectionId, long sessionId, List<Id> identities) {
}
