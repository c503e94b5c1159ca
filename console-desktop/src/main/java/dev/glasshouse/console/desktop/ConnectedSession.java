package dev.glasshouse.console.desktop;

import dev.glasshouse.engine.client.ZkClient;
import dev.glasshouse.engine.console.AuditSink;
import dev.glasshouse.engine.console.ConsoleContext;
import dev.glasshouse.engine.console.NodeModel;
import dev.glasshouse.engine.console.ZnodeEditor;
import dev.glasshouse.engine.console.ZnodeTreeModel;
import java.time.ZoneId;

/**
 * The models of one connection (one client): tree, node panel and editor, built together when the
 * session is first connected and dropped when the user disconnects or connects elsewhere.
 */
record ConnectedSession(ZkClient client, ZnodeTreeModel tree, NodeModel node, ZnodeEditor editor) {

    static ConnectedSession start(ConsoleContext context, AuditSink audit, ZoneId zone) {
        ConnectedSession session = new ConnectedSession(context.client(), new ZnodeTreeModel(context),
                new NodeModel(context, audit, zone), new ZnodeEditor(context, audit));
        session.tree().expand("/");
        session.tree().followChanges();
        return session;
    }
}
