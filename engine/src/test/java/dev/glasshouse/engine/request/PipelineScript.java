package dev.glasshouse.engine.request;

import dev.glasshouse.engine.server.DigestAuthenticator;
import dev.glasshouse.engine.wire.ConnectRequest;
import dev.glasshouse.engine.wire.ConnectResponse;
import dev.glasshouse.engine.wire.JuteInput;
import dev.glasshouse.engine.wire.OpCode;
import dev.glasshouse.engine.wire.ReplyHeader;
import dev.glasshouse.engine.wire.RequestHeader;
import dev.glasshouse.engine.wire.ResponseCodec;
import dev.glasshouse.engine.wire.WatcherEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Drives a {@link Pipeline} from script commands the way the standalone server does, and writes
 * down everything it does as transcript lines: every frame each connection receives (decoded),
 * every disconnect and every transaction logged. Logged transactions are applied at once unless
 * the script said {@code hold}; {@code release [n]} applies them later, in order.
 *
 * <p>Commands: {@code config key=value}, {@code connect c1 [timeout=] [session=cN] [password=wrong]
 * [lastZxid=] [addr=] [legacy]}, {@code cN <request> ...}, {@code disconnect cN}, {@code tick [+ms]},
 * {@code advance +ms}, {@code hold}, {@code release [n]}.
 */
final class PipelineScript {
    static final long START_MILLIS = 1_700_000_000_000L;
    static final String SUPER_CREDENTIALS = "super:secret";

    /** What a script-level client knows: its current connection, session, password, xids and last zxid. */
    private static final class Client {
        final String name;
        long connectionId;
        long sessionId;
        byte[] password = new byte[ConnectResponse.PASSWORD_BYTES];
        int nextXid = 1;
        long lastZxid;
        boolean handshaking;
        final Map<Integer, OpCode> opsByXid = new HashMap<>();

        Client(String name) {
            this.name = name;
        }
    }

    private final List<String> out = new ArrayList<>();
    private final TranscriptRenderer render = new TranscriptRenderer(START_MILLIS);
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<Long, Client> byConnection = new HashMap<>();
    private final Map<Long, String> labels = new HashMap<>();
    private final Deque<Transaction> unapplied = new ArrayDeque<>();
    private final Map<String, String> config = new HashMap<>();
    private Pipeline pipeline;
    private long now = START_MILLIS;
    private long nextConnectionId = 1;
    private boolean holding;
    private boolean applying;

    /** Runs one command and returns the transcript lines it produced. */
    List<String> run(List<String> words) {
        out.clear();
        String verb = words.get(0);
        ScriptArgs args = new ScriptArgs(words.subList(1, words.size()));
        if (verb.equals("config")) {
            configure(words);
            return List.copyOf(out);
        }
        ensurePipeline();
        switch (verb) {
            case "connect" -> connect(args);
            case "disconnect" -> disconnect(args.positional(0, "connection"));
            case "tick" -> {
                now += args.positionalCount() == 0 ? 0 : ScriptArgs.parseLong(args.positional(0, "+millis"));
                handle(pipeline.onTick(now));
            }
            case "advance" -> now += ScriptArgs.parseLong(args.positional(0, "+millis"));
            case "hold" -> holding = true;
            case "release" -> release(args);
            default -> {
                request(words);
                return List.copyOf(out);
            }
        }
        args.requireAllUsed(String.join(" ", words));
        return List.copyOf(out);
    }

    private void configure(List<String> words) {
        if (pipeline != null) {
            throw new IllegalStateException("config must come before the first other command");
        }
        for (String word : words.subList(1, words.size())) {
            String[] kv = word.split("=", 2);
            config.put(kv[0], kv[1]);
        }
    }

    private void ensurePipeline() {
        if (pipeline != null) {
            return;
        }
        PipelineSettings settings = new PipelineSettings(1, 4000, 40000,
                Boolean.parseBoolean(config.getOrDefault("extendedTypes", "true")),
                Long.parseLong(config.getOrDefault("containerCheckInterval", "60000")),
                Integer.parseInt(config.getOrDefault("containerMaxPerMinute", "10000")));
        Optional<String> superDigest = Optional.of(DigestAuthenticator.digest(SUPER_CREDENTIALS));
        pipeline = new Pipeline(settings, new DigestAuthenticator(superDigest), new SplittableRandom(42),
                START_MILLIS);
    }

    private void connect(ScriptArgs args) {
        String name = args.positional(0, "connection name");
        Client previous = clients.get(name);
        Client client = new Client(name);
        Optional<String> resume = args.option("session");
        if (resume.isPresent()) {
            Client owner = clients.get(resume.get());
            client.sessionId = owner.sessionId;
            client.password = owner.password.clone();
            client.lastZxid = owner.lastZxid;
            if (args.option("password").filter("wrong"::equals).isPresent()) {
                client.password[0] ^= 0x5a;
            }
        }
        client.lastZxid = args.longOption("lastZxid", client.lastZxid);
        if (previous != null) {
            labels.put(previous.connectionId, name + "'");
        }
        client.connectionId = nextConnectionId++;
        client.handshaking = true;
        clients.put(name, client);
        byConnection.put(client.connectionId, client);
        labels.put(client.connectionId, name);
        boolean legacy = args.flag("legacy");
        ConnectRequest request = new ConnectRequest(0, client.lastZxid, args.intOption("timeout", 30000),
                client.sessionId, client.password, false, legacy);
        handle(pipeline.onConnect(client.connectionId, args.option("addr", "127.0.0.1"), request, now));
    }

    private void disconnect(String name) {
        Client client = clients.get(name);
        handle(pipeline.onDisconnected(client.connectionId));
    }

    private void release(ScriptArgs args) {
        int count = args.positionalCount() > 0 ? Integer.parseInt(args.positional(0, "count")) : unapplied.size();
        if (args.positionalCount() == 0) {
            holding = false;
        }
        for (int i = 0; i < count && !unapplied.isEmpty(); i++) {
            handle(pipeline.onLogged(unapplied.poll(), now));
        }
        applyUnlessHeld();
    }

    private void request(List<String> words) {
        Client client = clients.get(words.get(0));
        if (client == null) {
            throw new IllegalArgumentException("unknown command or connection: " + words.get(0));
        }
        List<String> requestWords = words.subList(1, words.size());
        ScriptRequests.Built built = ScriptRequests.build(requestWords, client.lastZxid);
        int xid = switch (requestWords.get(0)) {
            case "ping" -> RequestHeader.PING_XID;
            case "auth" -> RequestHeader.AUTH_XID;
            default -> client.nextXid++;
        };
        client.opsByXid.put(xid, built.op());
        handle(pipeline.onRequest(client.connectionId, new RequestHeader(xid, built.type()), built.body(), now));
    }

    private void handle(Effects effects) {
        for (Outbound outbound : effects.toSend()) {
            String label = labels.getOrDefault(outbound.connectionId(), "conn" + outbound.connectionId());
            if (outbound instanceof Outbound.Frame frame) {
                List<String> lines = decode(byConnection.get(frame.connectionId()), frame.body());
                out.add(label + " <- " + lines.get(0));
                out.addAll(lines.subList(1, lines.size()));
            } else if (outbound instanceof Outbound.Disconnect disconnect) {
                out.add(label + " closed: " + render.reason(disconnect.reason()));
            }
        }
        for (Transaction transaction : effects.toLog()) {
            out.add(render.transaction(transaction));
            unapplied.add(transaction);
        }
        applyUnlessHeld();
    }

    // Applying a transaction can log more (a queued write behind it); the outer loop takes those
    // in order, so nested calls leave the queue alone.
    private void applyUnlessHeld() {
        if (applying) {
            return;
        }
        applying = true;
        try {
            while (!holding && !unapplied.isEmpty()) {
                handle(pipeline.onLogged(unapplied.poll(), now));
            }
        } finally {
            applying = false;
        }
    }

    private List<String> decode(Client client, byte[] frame) {
        JuteInput in = JuteInput.of(frame);
        List<String> lines = new ArrayList<>();
        if (client.handshaking) {
            client.handshaking = false;
            ConnectResponse response = ConnectResponse.read(in);
            client.sessionId = response.sessionId();
            client.password = response.password();
            lines.add("connected timeout=" + response.timeoutMillis() + " session="
                    + render.session(response.sessionId()) + " password=" + render.password(response.password())
                    + (response.legacy() ? " legacy" : " readOnly=" + response.readOnly()));
        } else {
            ReplyHeader header = ReplyHeader.read(in);
            lines.addAll(reply(client, header, in));
        }
        if (in.hasRemaining()) {
            lines.set(0, lines.get(0) + " (+" + in.remaining() + " undecoded bytes)");
        }
        return lines;
    }

    private List<String> reply(Client client, ReplyHeader header, JuteInput in) {
        String head = "xid=" + header.xid() + " zxid=" + TranscriptRenderer.zxid(header.zxid()) + " err="
                + TranscriptRenderer.err(header.err());
        if (header.xid() == RequestHeader.NOTIFICATION_XID) {
            WatcherEvent event = WatcherEvent.read(in);
            String state = event.state() == 3 ? "" : " state=" + event.state();
            return List.of("notify zxid=" + TranscriptRenderer.zxid(header.zxid()) + " "
                    + TranscriptRenderer.event(event.type()) + " " + event.path() + state);
        }
        OpCode op = client.opsByXid.get(header.xid());
        if (header.xid() > 0 && header.zxid() > client.lastZxid) {
            client.lastZxid = header.zxid();
        }
        if (header.err() != 0 || op == null) {
            return List.of(head);
        }
        List<String> body = new ArrayList<>(render.body(ResponseCodec.read(op, in)));
        String first = body.get(0);
        body.set(0, first.isEmpty() ? head : head + " " + first);
        return body;
    }
}
