package dev.glasshouse.engine.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;

/**
 * Makes a reproducible sequence of {@link DiffOp}s from a seed. Paths come from a small pool
 * (including the names sequential creates will produce) so that collisions, missing parents,
 * wrong versions and non-empty deletes happen often.
 */
final class OpGenerator {

    static final List<String> PATHS = List.of(
            "/a", "/b", "/a/x", "/a/y", "/b/x", "/a/x/z", "/b/x/z",
            "/a/s-0000000000", "/a/s-0000000001", "/a/s-0000000002", "/b/0000000001");
    private static final List<String> SEQUENTIAL_PREFIXES = List.of("/a/s-", "/b/");
    private static final List<String> DATA = List.of("", "v1", "value-two", "3");
    private static final CreateMode[] MODES = {
        CreateMode.PERSISTENT, CreateMode.PERSISTENT, CreateMode.EPHEMERAL, CreateMode.CONTAINER,
        CreateMode.PERSISTENT_WITH_TTL,
    };

    private final Random random;

    OpGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} steps. */
    List<DiffOp> next(int count) {
        List<DiffOp> ops = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ops.add(nextOp(random.nextInt(SessionPool.SIZE)));
        }
        return ops;
    }

    private DiffOp nextOp(int session) {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return create(session);
        } else if (roll < 38) {
            return new DiffOp.Delete(session, path(), version());
        } else if (roll < 44) {
            return new DiffOp.SetData(session, path(), data(), version());
        } else if (roll < 52) {
            return new DiffOp.Exists(session, path(), random.nextBoolean());
        } else if (roll < 60) {
            return new DiffOp.GetData(session, path(), random.nextBoolean());
        } else if (roll < 68) {
            return new DiffOp.GetChildren(session, parentPath(), random.nextBoolean());
        } else if (roll < 71) {
            AddWatchMode mode = random.nextBoolean() ? AddWatchMode.PERSISTENT : AddWatchMode.PERSISTENT_RECURSIVE;
            return new DiffOp.AddWatch(session, parentPath(), mode);
        } else if (roll < 77) {
            return new DiffOp.SetAcl(session, path(), acl(), random.nextInt(3) - 1);
        } else if (roll < 80) {
            return new DiffOp.GetAcl(session, path());
        } else if (roll < 83) {
            return new DiffOp.Sync(session, path());
        } else if (roll < 86) {
            return new DiffOp.GetEphemerals(session);
        } else if (roll < 88) {
            return new DiffOp.Reconnect(session);
        }
        return multi(session);
    }

    private DiffOp create(int session) {
        CreateMode mode = MODES[random.nextInt(MODES.length)];
        boolean sequential = random.nextInt(4) == 0;
        if (sequential) {
            mode = mode.isEphemeral() ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.PERSISTENT_SEQUENTIAL;
            String prefix = SEQUENTIAL_PREFIXES.get(random.nextInt(SEQUENTIAL_PREFIXES.size()));
            return new DiffOp.Create(session, prefix, data(), mode, acl());
        }
        return new DiffOp.Create(session, path(), data(), mode, acl());
    }

    private DiffOp multi(int session) {
        int size = 1 + random.nextInt(4);
        List<DiffOp> parts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(4);
            parts.add(switch (kind) {
                case 0 -> new DiffOp.Create(session, path(), data(), CreateMode.PERSISTENT, DiffOp.AclKind.OPEN);
                case 1 -> new DiffOp.Delete(session, path(), version());
                case 2 -> new DiffOp.SetData(session, path(), data(), version());
                default -> new DiffOp.Check(session, path(), version());
            });
        }
        return new DiffOp.Multi(session, parts);
    }

    /** A path from the pool, a top-level one more often, so that deeper creates find parents. */
    private String path() {
        if (random.nextInt(4) == 0) {
            return PATHS.get(random.nextInt(2));
        }
        return PATHS.get(random.nextInt(PATHS.size()));
    }

    private String parentPath() {
        return random.nextInt(5) == 0 ? "/" : PATHS.get(random.nextInt(5));
    }

    private String data() {
        return DATA.get(random.nextInt(DATA.size()));
    }

    /** Mostly "any version", otherwise a small number that is right about as often as wrong. */
    private int version() {
        return random.nextInt(3) == 0 ? -1 : random.nextInt(3);
    }

    private DiffOp.AclKind acl() {
        int roll = random.nextInt(10);
        if (roll < 6) {
            return DiffOp.AclKind.OPEN;
        }
        return DiffOp.AclKind.values()[1 + random.nextInt(3)];
    }
}
