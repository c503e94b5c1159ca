package dev.glasshouse.samples.demo;

import dev.glasshouse.samples.Deadline;
import dev.glasshouse.samples.Participant;
import dev.glasshouse.samples.group.GroupMembership;
import java.util.ArrayList;
import java.util.List;

/** Members join a group one by one; one leaves politely, one crashes; everybody's view follows. */
final class GroupDemo implements Demo {

    @Override
    public void run(Stage stage) throws Exception {
        String path = stage.freshRoot("group") + "/members";
        int size = Math.max(3, stage.participants());
        List<Participant> people = new ArrayList<>();
        List<GroupMembership> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Participant p = stage.join(Stage.nameOf(i));
            GroupMembership member = new GroupMembership(p, path);
            member.join();
            people.add(p);
            members.add(member);
            stage.pause();
        }
        GroupMembership observer = members.get(0);
        observer.awaitMembers(view -> view.size() == size, Deadline.after(Stage.PATIENCE));
        members.get(size - 1).leave();
        observer.awaitMembers(view -> view.size() == size - 1, Deadline.after(Stage.PATIENCE));
        stage.pause();
        stage.crash(people.get(1));
        observer.awaitMembers(view -> view.size() == size - 2, Deadline.after(Stage.PATIENCE));
        stage.say("final view of " + people.get(0).name() + ": " + observer.members());
    }
}
