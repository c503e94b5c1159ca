package dev.glasshouse.engine.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code zoo.cfg} and the command line of a {@link LocalEnsemble} member.
 *
 * <p>{@code tickTime=500}: every ZooKeeper timer is counted in ticks. A follower gives up on a silent
 * leader after {@code syncLimit}=5 ticks (2.5 s) and a new leader must sync its followers within
 * {@code initLimit}=10 ticks (5 s), so a killed leader is replaced within a few seconds, which is
 * what a demo or a failover test wants to see. Going lower buys little and risks members declaring
 * a live leader dead when five JVMs share two cores and one pauses for GC. Session timeouts are
 * 2..20 ticks (1..10 s). {@code forceSync=yes}: acknowledged writes are fsynced as in production,
 * because the demo is about not losing them. Stateless.
 */
final class MemberConfig {
    static final int TICK_MILLIS = 500;
    private static final String HEAP = "-Xmx160m";
    /**
     * The class each member runs, {@link Main} unless this system property names another: the failover
     * ITs run against Apache ZooKeeper's members with
     * {@code -Dglasshouse.member.main=org.apache.zookeeper.server.quorum.QuorumPeerMain} (on the test class
     * path only), which shows that what they check is what ZooKeeper itself does.
     */
    static final String MAIN_CLASS_PROPERTY = "glasshouse.member.main";

    private MemberConfig() {
    }

    /** {@code server.N=127.0.0.1:quorumPort:electionPort[:observer];127.0.0.1:clientPort}; none for a lone voter. */
    static List<String> serverLines(List<LocalMember> members, int voters) {
        if (members.size() == 1) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (LocalMember member : members) {
            MemberPorts ports = member.ports();
            lines.add("server." + member.id() + "=127.0.0.1:" + ports.quorum() + ":" + ports.election()
                    + (member.id() > voters ? ":observer" : "") + ";127.0.0.1:" + ports.client());
        }
        return lines;
    }

    /** {@code snapCount}, when present, replaces ZooKeeper's 100,000 transactions between snapshots. */
    static List<String> lines(LocalMember member, List<String> serverLines, boolean observer, OptionalInt snapCount) {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the local ensemble (glasshouse-engine ensemble); rewritten at every start.",
                "tickTime=" + TICK_MILLIS,
                "initLimit=10",
                "syncLimit=5",
                "dataDir=" + member.directory().resolve("data").toAbsolutePath(),
                "clientPort=" + member.ports().client(),
                "clientPortAddress=127.0.0.1",
                "forceSync=yes",
                // 4 MB log files instead of 64 MB: five members' data directories stay small.
                "preAllocSize=4096",
                "admin.enableServer=false",
                "4lw.commands.whitelist=*"));
        snapCount.ifPresent(count -> lines.add("snapCount=" + count));
        if (observer) {
            lines.add("peerType=observer");
        }
        if (!serverLines.isEmpty()) {
            // One voter with observers: ZooKeeper would run that voter standalone and leave the observers
            // nothing to observe, so the ensemble asks for a real (single-voter) quorum.
            lines.add("standaloneEnabled=false");
        }
        lines.addAll(serverLines);
        return lines;
    }

    /**
     * A JVM with this process's class path, a small heap and the C1 compiler only (it starts faster
     * and leaves more of a small machine to the other members), logging at INFO with the engine's own
     * logback configuration even when a test class path brings another.
     */
    static List<String> command(LocalMember member) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                System.getProperty(MAIN_CLASS_PROPERTY, Main.class.getName()), member.config().toAbsolutePath().toString());
    }
}
