package dev.glasshouse.engine.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential ACL test: one seeded sequence of create, setACL (with aversions), getACL, getData,
 * setData, exists, getChildren, delete, addauth and whoAmI, from sessions authenticated as nobody,
 * two digest users and the super user, with world, auth, digest and ip (IPv4, IPv6, CIDR, and
 * malformed) ids, runs against Apache ZooKeeper and Glasshouse; every allow/deny answer, ACL list
 * and aversion must be the same. {@code -Dacl.seeds=N} runs more seeds.
 */
class AclDifferentialTest {
    private static final String[] PATHS = {"/a", "/a/b", "/a/b/c", "/d", "/d/e"};
    private static final String[][] USERS = {{"alice", "pw-a"}, {"bob", "pw-b"}, {"carol", "pw-c"}};
    private static final List<Id> VALID_IDS = List.of(
            new Id("world", "anyone"), new Id("auth", ""), Digests.id("alice", "pw-a"), Digests.id("bob", "pw-b"),
            new Id("digest", "alice:hash:"), new Id("ip", "127.0.0.1"), new Id("ip", "127.0.0.0/8"),
            new Id("ip", "127.0.0.2/31"), new Id("ip", "10.0.0.0/8"), new Id("ip", "::1"), new Id("ip", "::/0"),
            new Id("ip", "0:0:0:0:0:0:0:1/128"), new Id("ip", "+127.0.0.1"));
    private static final List<Id> INVALID_IDS = List.of(
            new Id("digest", "alice"), new Id("ip", "256.0.0.1"), new Id("ip", "1.2.3.4/33"), new Id("ip", "1::2::3"),
            new Id("ip", "localhost"), new Id("world", "someone"), new Id("super", ""), new Id("x509", "CN=x"));

    static Stream<Long> seeds() {
        long fresh = Long.getLong("acl.seeds", 3);
        return Stream.concat(Stream.of(7L, 42L), LongStream.range(0, fresh).map(i -> 1000 + i * 7919).boxed());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void allowAndDenyAnswersMatchZooKeeper(long seed, @TempDir Path dir) throws Exception {
        List<String> reference = run(Target.REFERENCE, dir.resolve("reference"), seed);
        // -Dacl.target=ensemble plays the same steps through a follower of a three-member ensemble.
        Target ours = Target.valueOf(System.getProperty("acl.target", "glasshouse").toUpperCase(java.util.Locale.ROOT));
        List<String> glasshouse = run(ours, dir.resolve("glasshouse"), seed);
        for (int i = 0; i < Math.min(reference.size(), glasshouse.size()); i++) {
            assertThat(glasshouse.get(i)).as("step %d of seed %d (replay: -Dtest=AclDifferentialTest)", i, seed)
                    .isEqualTo(reference.get(i));
        }
        assertThat(glasshouse).hasSameSizeAs(reference);
        assertThat(String.join("\n", reference)).as("the sequence exercises allows and denies")
                .contains("NOAUTH").contains("INVALIDACL").contains("aversion=");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void failedAuthClosesTheConnectionLikeZooKeeper(@TempDir Path dir) throws Exception {
        for (Target target : List.of(Target.REFERENCE, Target.GLASSHOUSE)) {
            try (TargetServer server = target.start(dir.resolve(target.name())); var sessions = new ClientSessions(server)) {
                EventLog log = new EventLog();
                ZooKeeper zk = sessions.open(log);
                // Digest credentials never fail in ZooKeeper (no colon: the whole text is the user); an unknown scheme does.
                zk.addAuthInfo("nosuch", "x".getBytes(StandardCharsets.UTF_8));
                log.awaitState(Watcher.Event.KeeperState.AuthFailed);
                ZooKeeper other = sessions.open();
                assertThat(other.exists("/", false)).as(target.name()).isNotNull();
            }
        }
    }

    private static List<String> run(Target target, Path dir, long seed) throws Exception {
        List<String> transcript = new ArrayList<>();
        try (TargetServer server = target.start(dir); var sessions = new ClientSessions(server)) {
            ZooKeeper[] clients = new ZooKeeper[4];
            for (int i = 0; i < clients.length; i++) {
                clients[i] = sessions.open();
            }
            clients[1].addAuthInfo("digest", Digests.credentials("alice", "pw-a"));
            clients[2].addAuthInfo("digest", Digests.credentials("bob", "pw-b"));
            clients[3].addAuthInfo("digest", ReferenceServerProperties.SUPER_CREDENTIALS.getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/a", "/d"}) {
                clients[0].create(path, new byte[0], new ArrayList<>(org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE),
                        CreateMode.PERSISTENT);
            }
            Random random = new Random(seed);
            for (int step = 0; step < 120; step++) {
                int who = random.nextInt(clients.length);
                transcript.add(step + " s" + who + " " + apply(clients[who], random));
            }
        }
        return transcript;
    }

    private static String apply(ZooKeeper zk, Random random) throws InterruptedException {
        String path = PATHS[random.nextInt(PATHS.length)];
        int kind = random.nextInt(10);
        String call = switch (kind) {
            case 0, 1 -> "create " + path;
            case 2, 3 -> "setACL " + path;
            case 4 -> "getACL " + path;
            case 5 -> "getData " + path;
            case 6 -> "setData " + path;
            case 7 -> "delete " + path;
            case 8 -> "addauth";
            default -> "whoAmI/exists/children " + path;
        };
        try {
            return call + " -> " + switch (kind) {
                case 0, 1 -> {
                    List<ACL> acl = acl(random);
                    yield acl + " " + zk.create(path, new byte[] {1}, acl, CreateMode.PERSISTENT);
                }
                case 2, 3 -> {
                    List<ACL> acl = acl(random);
                    int version = random.nextInt(3) - 1;
                    yield acl + " v" + version + " aversion=" + zk.setACL(path, acl, version).getAversion();
                }
                case 4 -> {
                    Stat stat = new Stat();
                    yield zk.getACL(path, stat) + " aversion=" + stat.getAversion();
                }
                case 5 -> zk.getData(path, false, null).length + " bytes";
                case 6 -> "version=" + zk.setData(path, new byte[] {2, 3}, -1).getVersion();
                case 7 -> {
                    zk.delete(path, -1);
                    yield "deleted";
                }
                case 8 -> {
                    int choice = random.nextInt(USERS.length + 2);
                    if (choice == USERS.length) {
                        zk.addAuthInfo("ip", new byte[0]);
                        yield "ip " + zk.whoAmI();
                    }
                    String credentials = choice > USERS.length ? "nocolon" : USERS[choice][0] + ":" + USERS[choice][1];
                    zk.addAuthInfo("digest", credentials.getBytes(StandardCharsets.UTF_8));
                    yield credentials.split(":")[0] + " " + zk.whoAmI();
                }
                default -> zk.whoAmI() + " " + (zk.exists(path, false) != null) + " " + zk.getChildren(path, false);
            };
        } catch (KeeperException e) {
            return call + " -> " + e.code();
        }
    }

    private static List<ACL> acl(Random random) {
        List<ACL> acl = new ArrayList<>();
        int entries = 1 + random.nextInt(2);
        for (int i = 0; i < entries; i++) {
            List<Id> pool = random.nextInt(10) == 0 ? INVALID_IDS : VALID_IDS;
            acl.add(new ACL(random.nextInt(32), pool.get(random.nextInt(pool.size()))));
        }
        return acl;
    }
}
