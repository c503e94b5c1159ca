package dev.glasshouse.engine.request;

import dev.glasshouse.engine.tree.CheckVersionTxn;
import dev.glasshouse.engine.tree.CloseSessionTxn;
import dev.glasshouse.engine.tree.CreateSessionTxn;
import dev.glasshouse.engine.tree.CreateTxn;
import dev.glasshouse.engine.tree.DeleteTxn;
import dev.glasshouse.engine.tree.ErrorTxn;
import dev.glasshouse.engine.tree.MultiTxn;
import dev.glasshouse.engine.tree.NodeKind;
import dev.glasshouse.engine.tree.SetAclTxn;
import dev.glasshouse.engine.tree.SetDataTxn;
import dev.glasshouse.engine.tree.Txn;
import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.Children2Response;
import dev.glasshouse.engine.wire.ChildrenResponse;
import dev.glasshouse.engine.wire.ClientInfo;
import dev.glasshouse.engine.wire.Create2Response;
import dev.glasshouse.engine.wire.CreateResponse;
import dev.glasshouse.engine.wire.EmptyResponse;
import dev.glasshouse.engine.wire.ErrorCode;
import dev.glasshouse.engine.wire.GetAclResponse;
import dev.glasshouse.engine.wire.GetDataResponse;
import dev.glasshouse.engine.wire.IntResponse;
import dev.glasshouse.engine.wire.MultiResponse;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.OpResult;
import dev.glasshouse.engine.wire.PathResponse;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.ResponseBody;
import dev.glasshouse.engine.wire.Stat;
import dev.glasshouse.engine.wire.StatResponse;
import dev.glasshouse.engine.wire.WhoAmIResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns decoded frames and transactions into transcript text. Session ids and passwords are
 * replaced by names in order of first appearance ({@code S1}, {@code P1}), times are shown
 * relative to the script's start ({@code T+40000}), zxids in hex.
 */
final class TranscriptRenderer {
    private static final String[] EVENT_NAMES = {"None", "?", "NodeCreated", "NodeDeleted", "NodeDataChanged",
        "NodeChildrenChanged", "DataWatchRemoved", "ChildWatchRemoved", "PersistentWatchRemoved"};

    private final long startMillis;
    private final Map<Long, String> sessions = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();

    TranscriptRenderer(long startMillis) {
        this.startMillis = startMillis;
    }

    String session(long id) {
        if (id == 0) {
            return "0";
        }
        return sessions.computeIfAbsent(id, k -> "S" + (sessions.size() + 1));
    }

    String password(byte[] password) {
        if (password == null) {
            return "null";
        }
        String hex = HexFormat.of().formatHex(password);
        if (hex.chars().allMatch(c -> c == '0')) {
            return "zeros(" + password.length + ")";
        }
        return passwords.computeIfAbsent(hex, k -> "P" + (passwords.size() + 1)) + "(" + password.length + ")";
    }

    /** Replaces the hex session ids a reason text mentions by their names. */
    String reason(String text) {
        String result = text;
        for (Map.Entry<Long, String> entry : sessions.entrySet()) {
            result = result.replace("0x" + Long.toHexString(entry.getKey()), entry.getValue());
        }
        return result;
    }

    static String zxid(long zxid) {
        return zxid < 0 ? Long.toString(zxid) : "0x" + Long.toHexString(zxid);
    }

    static String event(int type) {
        return type >= -1 && type + 1 < EVENT_NAMES.length ? EVENT_NAMES[type + 1] : "event(" + type + ")";
    }

    static String err(int code) {
        return code == 0 ? "0" : code + ErrorCode.fromCode(code).map(e -> "(" + e.name() + ")").orElse("");
    }

    String time(long millis) {
        return millis == 0 ? "0" : "T+" + (millis - startMillis);
    }

    String owner(long owner) {
        return switch (NodeKind.of(owner)) {
            case PERSISTENT -> "0";
            case EPHEMERAL -> sessions.containsKey(owner) ? sessions.get(owner) : "0x" + Long.toHexString(owner);
            case CONTAINER -> "container";
            case TTL -> "ttl(" + NodeKind.ttlMillis(owner) + ")";
        };
    }

    String stat(Stat s) {
        return "stat(czxid=" + zxid(s.czxid()) + " mzxid=" + zxid(s.mzxid()) + " ctime=" + time(s.ctime())
                + " mtime=" + time(s.mtime()) + " version=" + s.version() + " cversion=" + s.cversion()
                + " aversion=" + s.aversion() + " owner=" + owner(s.ephemeralOwner()) + " dataLength="
                + s.dataLength() + " numChildren=" + s.numChildren() + " pzxid=" + zxid(s.pzxid()) + ")";
    }

    static String data(byte[] data) {
        return data == null ? "<null>" : "\"" + new String(data, StandardCharsets.UTF_8) + "\"";
    }

    static String acl(List<Acl> acl) {
        return acl.stream().map(a -> a.id().scheme() + ":" + a.id().id() + ":" + perms(a.perms()))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String perms(int perms) {
        StringBuilder letters = new StringBuilder();
        int[] bits = {Perms.CREATE, Perms.DELETE, Perms.READ, Perms.WRITE, Perms.ADMIN};
        String names = "cdrwa";
        for (int i = 0; i < bits.length; i++) {
            if ((perms & bits[i]) != 0) {
                letters.append(names.charAt(i));
            }
        }
        return letters.length() == 0 ? "-" : letters.toString();
    }

    /** A reply body; a multi result spans one extra line per operation. */
    List<String> body(ResponseBody body) {
        if (body instanceof MultiResponse multi) {
            List<String> lines = new ArrayList<>();
            lines.add("multi");
            for (int i = 0; i < multi.results().size(); i++) {
                lines.add("    " + i + ": " + opResult(multi.results().get(i)));
            }
            return lines;
        }
        return List.of(single(body));
    }

    private String opResult(OpResult result) {
        String type = result.isError() ? "error" : OpCode.fromCode(result.type()).map(Enum::name).orElse("?");
        String text = type + " err=" + err(result.err());
        String body = single(result.body());
        return body.isEmpty() ? text : text + " " + body;
    }

    private String single(ResponseBody body) {
        if (body instanceof CreateResponse r) {
            return "path=" + r.path();
        } else if (body instanceof Create2Response r) {
            return "path=" + r.path() + " " + stat(r.stat());
        } else if (body instanceof StatResponse r) {
            return stat(r.stat());
        } else if (body instanceof GetDataResponse r) {
            return "data=" + data(r.data()) + " " + stat(r.stat());
        } else if (body instanceof ChildrenResponse r) {
            return "children=" + r.children();
        } else if (body instanceof Children2Response r) {
            return "children=" + r.children() + " " + stat(r.stat());
        } else if (body instanceof GetAclResponse r) {
            return "acl=" + acl(r.acl()) + " " + stat(r.stat());
        } else if (body instanceof IntResponse r) {
            return "int=" + r.value();
        } else if (body instanceof PathResponse r) {
            return "path=" + r.path();
        } else if (body instanceof WhoAmIResponse r) {
            return "clientInfo=" + r.clientInfo().stream().map(TranscriptRenderer::clientInfo).toList();
        } else if (body instanceof EmptyResponse) {
            return "";
        }
        return body.toString();
    }

    private static String clientInfo(ClientInfo info) {
        return info.authScheme() + ":" + info.user();
    }

    String transaction(Transaction t) {
        String type = OpCode.fromCode(t.type()).map(Enum::name).orElse(Integer.toString(t.type()));
        String time = t.timeMillis() == startMillis ? "" : " time=" + time(t.timeMillis());
        return "log " + zxid(t.zxid()) + " session=" + session(t.sessionId()) + " cxid=" + t.cxid() + time + " "
                + type + ": " + txn(t.txn());
    }

    private String txn(Txn txn) {
        if (txn instanceof CreateTxn c) {
            return "create " + c.path() + " data=" + data(c.data()) + " acl=" + acl(c.acl()) + " owner="
                    + owner(c.ephemeralOwner()) + " parentCversion=" + c.parentCversion();
        } else if (txn instanceof DeleteTxn d) {
            return "delete " + d.path();
        } else if (txn instanceof SetDataTxn s) {
            return "setData " + s.path() + " data=" + data(s.data()) + " version=" + s.version();
        } else if (txn instanceof SetAclTxn s) {
            return "setACL " + s.path() + " acl=" + acl(s.acl()) + " aversion=" + s.aversion();
        } else if (txn instanceof CheckVersionTxn c) {
            return "check " + c.path() + " version=" + c.version();
        } else if (txn instanceof ErrorTxn e) {
            return "error " + err(e.code().code());
        } else if (txn instanceof MultiTxn m) {
            return m.txns().stream().map(this::txn).collect(Collectors.joining("; ", "multi [", "]"));
        } else if (txn instanceof CreateSessionTxn c) {
            return "createSession timeout=" + c.timeoutMillis() + " password=" + password(c.password());
        } else if (txn instanceof CloseSessionTxn) {
            return "closeSession";
        }
        return txn.toString();
    }
}
