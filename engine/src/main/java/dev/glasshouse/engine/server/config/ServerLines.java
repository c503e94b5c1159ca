package dev.glasshouse.engine.server.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code server.N} lines of one {@code zoo.cfg}, checked one by one and against each other,
 * and what they make of this member together with its {@code myid}.
 *
 * <p>Rules: N is a member id from 1 to 255 (the bound of {@code myid}); a line is
 * {@code host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]} with
 * ports from 1 to 65535 and IPv6 hosts in brackets; no host:port pair is used twice; at least one
 * member is a participant. As in ZooKeeper ({@code QuorumPeerConfig.isDistributed}), a file whose
 * only participant is one member runs that member standalone unless {@code standaloneEnabled=false};
 * such a member may then do without {@code myid}. Every other member with {@code server.N} lines
 * needs a {@code myid} naming one of them. Confined to the parsing thread.
 */
final class ServerLines {
    static final String FAMILY = "server.";
    /** ZooKeeper requires both limits for an ensemble; these are the values of its sample zoo.cfg. */
    static final int DEFAULT_INIT_LIMIT = 10;
    static final int DEFAULT_SYNC_LIMIT = 5;

    /** One parsed line and where it came from. */
    record Line(Setting setting, EnsembleMember member) {
        String describe() {
            return setting.key() + " (line " + setting.line() + ")";
        }
    }

    private final Settings settings;
    private final SortedMap<Integer, Line> lines;

    private ServerLines(Settings settings, SortedMap<Integer, Line> lines) {
        this.settings = settings;
        this.lines = lines;
    }

    static ServerLines parse(Settings settings) throws ConfigException {
        SortedMap<Integer, Line> lines = new TreeMap<>();
        for (Setting setting : settings.family(FAMILY)) {
            Line line = new Line(setting, ServerLineSyntax.parse(settings, setting, memberId(settings, setting)));
            Line earlier = lines.put(line.member().id(), line);
            if (earlier != null) {
                throw settings.conflict(setting, setting.key() + " names member " + line.member().id()
                        + " again (first " + earlier.describe() + "); give each member one line");
            }
        }
        ServerLines servers = new ServerLines(settings, lines);
        servers.checkEndpoints();
        servers.checkParticipants();
        return servers;
    }

    private static int memberId(Settings settings, Setting setting) throws ConfigException {
        String key = setting.key();
        long id = ValueType.parseLong(key.substring(key.lastIndexOf('.') + 1)).orElse(-1);
        if (id < 1 || id > ZooCfgParser.MAX_MY_ID) {
            throw settings.conflict(setting, key + " names member id " + key.substring(key.lastIndexOf('.') + 1)
                    + ", but member ids go from 1 to " + ZooCfgParser.MAX_MY_ID + " (the ids myid may hold)");
        }
        return (int) id;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** A single participant runs standalone, as ZooKeeper does, unless {@code standaloneEnabled=false}. */
    boolean standalone() {
        long voters = lines.values().stream().filter(line -> line.member().participant()).count();
        return voters == 1 && settings.booleanValue("standaloneEnabled", true);
    }

    /**
     * This member's line: empty when there are no lines, or for a standalone member without
     * {@code myid}. Fails when an ensemble member has no {@code myid}, when {@code myid} names no
     * line or when {@code peerType} contradicts the line.
     */
    Optional<Line> self(OptionalInt myId, Path myIdFile) throws ConfigException {
        if (lines.isEmpty() || (myId.isEmpty() && standalone())) {
            return Optional.empty();
        }
        Line first = lines.get(lines.firstKey());
        if (myId.isEmpty()) {
            throw settings.conflict(first.setting(), "this file lists an ensemble (" + ids() + ") but " + myIdFile
                    + " does not exist; write this member's id, one of " + ids() + ", alone on the first line of "
                    + myIdFile + " (for example: echo " + lines.firstKey() + " > " + myIdFile + ")");
        }
        Line self = lines.get(myId.getAsInt());
        if (self == null) {
            throw settings.conflict(first.setting(), myIdFile + " says this is member " + myId.getAsInt()
                    + ", but no server." + myId.getAsInt() + " line lists it (the members are " + ids()
                    + "); correct " + myIdFile + " or add a server." + myId.getAsInt() + " line");
        }
        checkPeerType(self);
        checkStandaloneObserver(self);
        return Optional.of(self);
    }

    private void checkPeerType(Line self) throws ConfigException {
        Optional<Setting> peerType = settings.find("peerType");
        if (peerType.isPresent() && peerType.get().value().equals("observer") != self.member().observer()) {
            throw settings.conflict(peerType.get(), "peerType=" + peerType.get().value() + " disagrees with this"
                    + " member's line " + self.describe() + ", which makes it " + role(self)
                    + "; make them agree or remove peerType");
        }
    }

    private void checkStandaloneObserver(Line self) throws ConfigException {
        if (standalone() && self.member().observer()) {
            throw settings.conflict(self.setting(), self.setting().key() + " makes this member an observer, but"
                    + " with a single participant ZooKeeper runs that participant standalone, so there is no"
                    + " leader to observe; add participants or set standaloneEnabled=false");
        }
    }

    /** The client port: this member's {@code ;clientPort} or {@code clientPort}, which must agree if both are set. */
    int clientPort(Optional<Line> self) throws ConfigException {
        OptionalInt fromLine = self.map(line -> line.member().clientPort()).orElse(OptionalInt.empty());
        Optional<Setting> fromKey = settings.find("clientPort");
        if (fromLine.isPresent() && fromKey.isPresent()
                && Integer.parseInt(fromKey.get().value()) != fromLine.getAsInt()) {
            throw settings.conflict(fromKey.get(), "clientPort=" + fromKey.get().value() + " (line "
                    + fromKey.get().line() + ") differs from the client port " + fromLine.getAsInt()
                    + " on this member's line " + self.orElseThrow().describe() + "; remove one or make them agree");
        }
        if (fromLine.isPresent()) {
            return fromLine.getAsInt();
        }
        return Integer.parseInt(settings.required("clientPort", "clientPort=2181").value());
    }

    /** The client address: this member's {@code ;clientHost:} or {@code clientPortAddress}, which must agree. */
    Optional<String> clientPortAddress(Optional<Line> self) throws ConfigException {
        Optional<String> fromLine = self.flatMap(line -> line.member().clientHost());
        Optional<Setting> fromKey = settings.find("clientPortAddress").filter(s -> !s.value().isEmpty());
        if (fromLine.isPresent() && fromKey.isPresent() && !fromKey.get().value().equals(fromLine.get())) {
            throw settings.conflict(fromKey.get(), "clientPortAddress=" + fromKey.get().value() + " (line "
                    + fromKey.get().line() + ") differs from the client address " + fromLine.get()
                    + " on this member's line " + self.orElseThrow().describe() + "; remove one or make them agree");
        }
        return fromLine.or(() -> fromKey.map(Setting::value));
    }

    /** The ensemble this member belongs to; empty when it runs standalone. */
    Optional<EnsembleConfig> ensemble(Optional<Line> self) {
        if (self.isEmpty() || standalone()) {
            warnIgnoredObservers();
            return Optional.empty();
        }
        SortedMap<Integer, EnsembleMember> members = new TreeMap<>();
        lines.forEach((id, line) -> members.put(id, line.member()));
        return Optional.of(new EnsembleConfig(self.get().member().id(), members,
                limit("initLimit", DEFAULT_INIT_LIMIT), limit("syncLimit", DEFAULT_SYNC_LIMIT),
                settings.booleanValue("readonlymode.enabled", false)));
    }

    private int limit(String key, int fallback) {
        if (settings.find(key).isEmpty()) {
            settings.warn(lines.get(lines.firstKey()).setting().line(), key + " is not set; this ensemble uses "
                    + fallback + " ticks, the value in ZooKeeper's sample zoo.cfg (ZooKeeper itself refuses to"
                    + " start an ensemble without " + key + ", so set it)");
        }
        return settings.intValue(key, fallback);
    }

    private void warnIgnoredObservers() {
        for (Line line : lines.values()) {
            if (line.member().observer() && standalone()) {
                settings.warn(line.setting().line(), line.setting().key() + " is an observer of a single"
                        + " participant, which runs standalone as in ZooKeeper, so it is ignored; set"
                        + " standaloneEnabled=false to run an ensemble");
            }
        }
    }

    private void checkEndpoints() throws ConfigException {
        Map<String, String> users = new HashMap<>();
        for (Line line : lines.values()) {
            EnsembleMember member = line.member();
            String host = member.host().toLowerCase(Locale.ROOT);
            if (member.quorumPort() == member.electionPort()) {
                throw settings.conflict(line.setting(), line.setting().key() + " uses port " + member.quorumPort()
                        + " as both its quorum and its election port; give them different ports");
            }
            for (Map.Entry<Integer, String> use : List.of(Map.entry(member.quorumPort(), "quorum port"),
                    Map.entry(member.electionPort(), "election port"))) {
                String endpoint = host + ":" + use.getKey();
                String earlier = users.putIfAbsent(endpoint, line.describe() + " already uses as its " + use.getValue());
                if (earlier != null) {
                    throw settings.conflict(line.setting(), line.setting().key() + " uses " + member.host() + ":"
                            + use.getKey() + " as its " + use.getValue() + ", which " + earlier
                            + "; every member needs host:port pairs of its own");
                }
            }
        }
    }

    private void checkParticipants() throws ConfigException {
        if (!lines.isEmpty() && lines.values().stream().noneMatch(line -> line.member().participant())) {
            throw settings.conflict(lines.get(lines.firstKey()).setting(), "every server.N line names an observer;"
                    + " an ensemble needs at least one participant (remove :observer from a line)");
        }
    }

    private String ids() {
        return lines.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String role(Line line) {
        return line.member().observer() ? "an observer" : "a participant";
    }
}
