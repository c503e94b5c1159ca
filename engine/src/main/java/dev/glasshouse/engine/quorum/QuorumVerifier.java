package dev.glasshouse.engine.quorum;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ensemble's membership and its majority rule (ZooKeeper's {@code QuorumMaj}): a set of
 * members is a quorum when it holds more than half of the voters. Observers are members that
 * receive every decision but never vote, never count toward a quorum and can never be elected.
 * Immutable; voters and observers are disjoint and there is at least one voter.
 */
public final class QuorumVerifier {
    private final SortedSet<MemberId> voters;
    private final SortedSet<MemberId> observers;

    public QuorumVerifier(Collection<MemberId> voters, Collection<MemberId> observers) {
        this.voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
        this.observers = Collections.unmodifiableSortedSet(new TreeSet<>(observers));
        Check.state(!this.voters.isEmpty(), "an ensemble needs at least one voter");
        Check.state(Collections.disjoint(this.voters, this.observers), "voters %s and observers %s overlap",
                this.voters, this.observers);
    }

    /** An ensemble of voters only. */
    public static QuorumVerifier ofVoters(Collection<MemberId> voters) {
        return new QuorumVerifier(voters, List.of());
    }

    /** Voters in ascending id order. */
    public SortedSet<MemberId> voters() {
        return voters;
    }

    /** Observers in ascending id order. */
    public SortedSet<MemberId> observers() {
        return observers;
    }

    /** Voters and observers in ascending id order. */
    public SortedSet<MemberId> members() {
        SortedSet<MemberId> all = new TreeSet<>(voters);
        all.addAll(observers);
        return Collections.unmodifiableSortedSet(all);
    }

    public boolean isVoter(MemberId member) {
        return voters.contains(member);
    }

    public boolean isObserver(MemberId member) {
        return observers.contains(member);
    }

    public boolean isMember(MemberId member) {
        return isVoter(member) || isObserver(member);
    }

    /** The smallest number of voters that is a quorum: {@code floor(N / 2) + 1}. */
    public int majority() {
        return voters.size() / 2 + 1;
    }

    /** True when {@code members} holds a majority of the voters; observers and strangers do not count. */
    public boolean containsQuorum(Collection<MemberId> members) {
        int count = 0;
        for (MemberId member : new TreeSet<>(members)) {
            if (voters.contains(member)) {
                count++;
            }
        }
        return count >= majority();
    }

    @Override
    public String toString() {
        return "QuorumVerifier[voters=" + voters + ", observers=" + observers + "]";
    }
}
