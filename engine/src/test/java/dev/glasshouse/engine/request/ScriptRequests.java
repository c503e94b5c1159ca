package dev.glasshouse.engine.request;

import dev.glasshouse.engine.wire.Acl;
import dev.glasshouse.engine.wire.AddWatchMode;
import dev.glasshouse.engine.wire.AddWatchRequest;
import dev.glasshouse.engine.wire.AuthPacket;
import dev.glasshouse.engine.wire.CheckVersionRequest;
import dev.glasshouse.engine.wire.CreateMode;
import dev.glasshouse.engine.wire.CreateRequest;
import dev.glasshouse.engine.wire.DeleteRequest;
import dev.glasshouse.engine.wire.EmptyRequest;
import dev.glasshouse.engine.wire.Id;
import dev.glasshouse.engine.wire.MultiOp;
import dev.glasshouse.engine.wire.MultiRequest;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.PathRequest;
import dev.glasshouse.engine.wire.PathWatchRequest;
import dev.glasshouse.engine.wire.Perms;
import dev.glasshouse.engine.wire.RequestBody;
import dev.glasshouse.engine.wire.SetAclRequest;
import dev.glasshouse.engine.wire.SetDataRequest;
import dev.glasshouse.engine.wire.SetWatchesRequest;
import dev.glasshouse.engine.wire.WatchTypeRequest;
import dev.glasshouse.engine.wire.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the request a script command stands for, as a client would encode it:
 * {@code create /a data=hello mode=ephemeral acl=world:anyone:cdrwa}, {@code getData /a watch},
 * {@code multi create /m ; check /a version=3}, {@code opcode 999} and so on.
 */
final class ScriptRequests {
    /** A request ready for the pipeline; {@code type} differs from {@code op} only for unknown opcodes. */
    record Built(int type, OpCode op, RequestBody body) {
    }

    private ScriptRequests() {
    }

    /** The request for a command's words, the verb first; {@code lastZxid} is the client's, for setWatches. */
    static Built build(List<String> words, long lastZxid) {
        String verb = words.get(0);
        ScriptArgs args = new ScriptArgs(words.subList(1, words.size()));
        if (verb.equals("opcode")) {
            int type = ScriptArgs.parseInt(args.positional(0, "opcode"));
            return new Built(type, OpCode.fromCode(type).orElse(null), EmptyRequest.INSTANCE);
        }
        OpCode op = opOf(verb);
        if (op == OpCode.MULTI || op == OpCode.MULTI_READ) {
            return new Built(op.code(), op, multi(split(words.subList(1, words.size()))));
        }
        Built built = new Built(op.code(), op, body(op, args, lastZxid));
        args.requireAllUsed(String.join(" ", words));
        return built;
    }

    private static List<List<String>> split(List<String> words) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String word : words) {
            if (word.equals(";")) {
                commands.add(current);
                current = new ArrayList<>();
            } else {
                current.add(word);
            }
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }

    private static OpCode opOf(String verb) {
        return switch (verb) {
            case "create" -> OpCode.CREATE;
            case "create2" -> OpCode.CREATE2;
            case "createContainer" -> OpCode.CREATE_CONTAINER;
            case "createTTL" -> OpCode.CREATE_TTL;
            case "delete" -> OpCode.DELETE;
            case "exists" -> OpCode.EXISTS;
            case "getData" -> OpCode.GET_DATA;
            case "setData" -> OpCode.SET_DATA;
            case "getACL" -> OpCode.GET_ACL;
            case "setACL" -> OpCode.SET_ACL;
            case "getChildren" -> OpCode.GET_CHILDREN;
            case "getChildren2" -> OpCode.GET_CHILDREN2;
            case "sync" -> OpCode.SYNC;
            case "ping" -> OpCode.PING;
            case "check" -> OpCode.CHECK;
            case "multi" -> OpCode.MULTI;
            case "multiRead" -> OpCode.MULTI_READ;
            case "reconfig" -> OpCode.RECONFIG;
            case "checkWatches" -> OpCode.CHECK_WATCHES;
            case "removeWatches" -> OpCode.REMOVE_WATCHES;
            case "auth" -> OpCode.AUTH;
            case "setWatches" -> OpCode.SET_WATCHES;
            case "setWatches2" -> OpCode.SET_WATCHES2;
            case "getEphemerals" -> OpCode.GET_EPHEMERALS;
            case "getAllChildrenNumber" -> OpCode.GET_ALL_CHILDREN_NUMBER;
            case "addWatch" -> OpCode.ADD_WATCH;
            case "whoAmI" -> OpCode.WHO_AM_I;
            case "close" -> OpCode.CLOSE_SESSION;
            default -> throw new IllegalArgumentException("unknown command " + verb);
        };
    }

    private static RequestBody body(OpCode op, ScriptArgs args, long lastZxid) {
        return switch (op) {
            case CREATE, CREATE2, CREATE_CONTAINER, CREATE_TTL -> create(op, args);
            case DELETE -> new DeleteRequest(path(args), args.intOption("version", -1));
            case EXISTS, GET_DATA, GET_CHILDREN, GET_CHILDREN2 -> new PathWatchRequest(path(args), args.flag("watch"));
            case SET_DATA -> new SetDataRequest(path(args), data(args), args.intOption("version", -1));
            case GET_ACL, SYNC, GET_EPHEMERALS, GET_ALL_CHILDREN_NUMBER -> new PathRequest(path(args));
            case SET_ACL -> new SetAclRequest(path(args), acl(args.option("acl", "open")),
                    args.intOption("version", -1));
            case CHECK -> new CheckVersionRequest(path(args), args.intOption("version", -1));
            case ADD_WATCH -> new AddWatchRequest(path(args), args.option("mode", "persistent").equals("recursive")
                    ? AddWatchMode.PERSISTENT_RECURSIVE.code() : AddWatchMode.PERSISTENT.code());
            case CHECK_WATCHES, REMOVE_WATCHES -> new WatchTypeRequest(path(args),
                    watcherType(args.option("type", "any")));
            case SET_WATCHES, SET_WATCHES2 -> new SetWatchesRequest(args.longOption("zxid", lastZxid),
                    args.listOption("data"), args.listOption("exist"), args.listOption("child"),
                    args.listOption("persistent"), args.listOption("recursive"));
            case AUTH -> new AuthPacket(0, args.positional(0, "scheme"),
                    args.positional(1, "credentials").getBytes(StandardCharsets.UTF_8));
            default -> EmptyRequest.INSTANCE;
        };
    }

    /** {@code multi} and {@code multiRead}: sub-commands separated by a lone {@code ;}. */
    private static MultiRequest multi(List<List<String>> subCommands) {
        List<MultiOp> ops = new ArrayList<>();
        for (List<String> words : subCommands) {
            ScriptArgs args = new ScriptArgs(words.subList(1, words.size()));
            OpCode op = opOf(words.get(0));
            ops.add(new MultiOp(op, body(op, args, 0)));
            args.requireAllUsed(String.join(" ", words));
        }
        return new MultiRequest(List.copyOf(ops));
    }

    private static CreateRequest create(OpCode op, ScriptArgs args) {
        String defaultMode = switch (op) {
            case CREATE_CONTAINER -> "container";
            case CREATE_TTL -> "persistent_with_ttl";
            default -> "persistent";
        };
        CreateMode mode = CreateMode.valueOf(args.option("mode", defaultMode).toUpperCase(Locale.ROOT));
        int flags = args.intOption("flags", mode.flags());
        long ttl = args.longOption("ttl", CreateRequest.NO_TTL);
        return new CreateRequest(path(args), data(args), acl(args.option("acl", "open")), flags, ttl);
    }

    private static String path(ScriptArgs args) {
        String path = args.positional(0, "path");
        return path.equals("<null>") ? null : path;
    }

    private static byte[] data(ScriptArgs args) {
        String data = args.option("data", "");
        return data.equals("<null>") ? null : data.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code open}, {@code read}, {@code creator}, {@code none} or {@code scheme:id:perms,...}. */
    static List<Acl> acl(String spec) {
        return switch (spec) {
            case "open" -> Acl.OPEN_ACL_UNSAFE;
            case "read" -> Acl.READ_ACL_UNSAFE;
            case "creator" -> List.of(new Acl(Perms.ALL, new Id("auth", "")));
            case "none" -> List.of();
            default -> Arrays.stream(spec.split(",")).map(ScriptRequests::aclEntry).toList();
        };
    }

    private static Acl aclEntry(String entry) {
        int first = entry.indexOf(':');
        int last = entry.lastIndexOf(':');
        return new Acl(perms(entry.substring(last + 1)), new Id(entry.substring(0, first),
                entry.substring(first + 1, last)));
    }

    private static int perms(String letters) {
        int perms = 0;
        for (char c : letters.toCharArray()) {
            perms |= switch (c) {
                case 'c' -> Perms.CREATE;
                case 'd' -> Perms.DELETE;
                case 'r' -> Perms.READ;
                case 'w' -> Perms.WRITE;
                case 'a' -> Perms.ADMIN;
                default -> throw new IllegalArgumentException("unknown permission " + c);
            };
        }
        return perms;
    }

    private static int watcherType(String name) {
        return switch (name) {
            case "children" -> WatcherType.CHILDREN.code();
            case "data" -> WatcherType.DATA.code();
            case "any" -> WatcherType.ANY.code();
            case "persistent" -> WatcherType.PERSISTENT.code();
            case "recursive" -> WatcherType.PERSISTENT_RECURSIVE.code();
            default -> ScriptArgs.parseInt(name);
        };
    }
}
