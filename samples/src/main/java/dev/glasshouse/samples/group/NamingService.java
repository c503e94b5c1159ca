package dev.glasshouse.samples.group;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import java.util.Optional;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Ids;

/**
 * A naming service that hands out unique ids: each registration is a persistent sequential znode
 * whose number is the id and whose data is the registered name.
 *
 * <pre>
 * /samples/names
 *     id-0000000000   "printer"
 *     id-0000000001   "scanner"
 * </pre>
 *
 * <p>The parent's counter is part of the replicated state and is advanced by the create itself,
 * so two participants can never get the same id, even at the same instant on different members.
 * A participant that crashes right after registering loses nothing: the znode is persistent.
 * Stateless apart from its participant; any thread.
 */
public final class NamingService {
    private static final String PREFIX = "id-";

    private final Participant self;
    private final String namesPath;

    public NamingService(Participant self, String namesPath) {
        this.self = self;
        this.namesPath = namesPath;
    }

    /** Registers {@code name} and returns its new, unique id. */
    public long register(String name) throws KeeperException, InterruptedException {
        Znodes.ensurePath(self.zk(), namesPath);
        String path = self.zk().create(namesPath + "/" + PREFIX, name.getBytes(UTF_8), Ids.OPEN_ACL_UNSAFE,
                CreateMode.PERSISTENT_SEQUENTIAL);
        long id = Znodes.sequenceOf(path);
        self.say("registered " + name + " as id " + id);
        return id;
    }

    /** The name registered under {@code id}, if any. */
    public Optional<String> lookup(long id) throws KeeperException, InterruptedException {
        try {
            return Optional.of(new String(self.zk().getData(namesPath + "/" + String.format("%s%010d", PREFIX, id),
                    false, null), UTF_8));
        } catch (KeeperException.NoNodeException unknown) {
            return Optional.empty();
        }
    }
}
