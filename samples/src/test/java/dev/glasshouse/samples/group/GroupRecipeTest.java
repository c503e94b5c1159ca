package dev.glasshouse.samples.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.Znodes;
import dev.glasshouse.samples.testing.RecipeTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Group membership and the naming service. */
@Timeout(60)
abstract class GroupRecipeTest extends RecipeTest {

    @Test
    void everyMemberSeesJoinsAndMembersWhoseSessionsEndLeave() throws Exception {
        List<Participant> people = new ArrayList<>();
        List<GroupMembership> members = new ArrayList<>();
        for (String name : List.of("alice", "bob", "carol")) {
            Participant p = participant(name);
            GroupMembership member = new GroupMembership(p, root + "/group");
            member.join();
            people.add(p);
            members.add(member);
        }
        for (GroupMembership member : members) {
            assertThat(member.awaitMembers(view -> view.size() == 3, deadline())).containsExactly("alice", "bob", "carol");
        }

        crash(people.get(1));
        assertThat(members.get(0).awaitMembers(view -> view.size() == 2, deadline())).containsExactly("alice", "carol");
        assertThat(members.get(2).awaitMembers(view -> view.size() == 2, deadline())).containsExactly("alice", "carol");

        expire(people.get(2));
        assertThat(members.get(0).awaitMembers(view -> view.size() == 1, deadline())).containsExactly("alice");
    }

    @Test
    void membersAreNotWokenByChangesOutsideTheGroup() throws Exception {
        GroupMembership member = new GroupMembership(participant("alice"), root + "/group");
        member.join();
        Participant other = participant("other");
        Znodes.ensurePath(other.zk(), root + "/elsewhere");
        for (int i = 0; i < 5; i++) {
            other.zk().create(root + "/elsewhere/n", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
        }
        other.zk().setData(root + "/group", "not a member change".getBytes(), -1);
        other.zk().setData(root + "/group/alice", "nor this".getBytes(), -1);

        // Notifications arrive in order: once the join is seen, any earlier wake-up would have been too.
        new GroupMembership(participant("bob"), root + "/group").join();
        member.awaitMembers(view -> view.size() == 2, deadline());
        assertThat(member.wakeUps()).isEqualTo(1);
    }

    @Test
    void theNamingServiceGivesEveryRegistrationAUniqueId() throws Exception {
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NamingService names = new NamingService(participant("p" + i), root + "/names");
            String prefix = "p" + i;
            runs.add(inBackground(() -> {
                List<Long> ids = new ArrayList<>();
                for (int n = 0; n < 15; n++) {
                    ids.add(names.register(prefix + "-service-" + n));
                }
                return ids;
            }));
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> run : runs) {
            all.addAll(result(run));
        }
        assertThat(all).hasSize(60);
        NamingService reader = new NamingService(participant("reader"), root + "/names");
        Set<String> names = new HashSet<>();
        for (long id : all) {
            names.add(reader.lookup(id).orElseThrow());
        }
        assertThat(names).hasSize(60).contains("p0-service-0", "p3-service-14");
        assertThat(reader.lookup(999_999)).isEmpty();
    }
}
