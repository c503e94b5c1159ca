package dev.glasshouse.engine.quorum;

import dev.glasshouse.engine.quorum.LearnerSession.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The leader's learner connections, one {@link LearnerSession} per learner, in id order, and the
 * questions the leader asks of them to count quorums. Every query answers with the learners only; the
 * leader adds itself where it counts. Owned by one {@link Leading}; confined to its event loop.
 */
final class LearnerConnections {
    private final SortedMap<MemberId, LearnerSession> sessions = new TreeMap<>();

    /** A new connection from {@code learner} (a FOLLOWERINFO): whatever its old one reached is gone. */
    LearnerSession connect(MemberId learner, long nowMillis) {
        LearnerSession session = new LearnerSession(nowMillis);
        sessions.put(learner, session);
        return session;
    }

    /** The session of {@code learner}'s connection, if it has one. */
    Optional<LearnerSession> find(MemberId learner) {
        return Optional.ofNullable(sessions.get(learner));
    }

    /** Runs {@code action} for every learner and its session, in id order. */
    void forEach(BiConsumer<MemberId, LearnerSession> action) {
        sessions.forEach(action);
    }

    /** The learners in {@code phase}, in id order. */
    TreeSet<MemberId> inPhase(Phase phase) {
        return matching(session -> session.phase == phase);
    }

    /** The synchronized learners heard within {@code withinMillis} before {@code nowMillis}. */
    TreeSet<MemberId> syncedInTouch(long nowMillis, long withinMillis) {
        return matching(session -> session.phase == Phase.SYNCED
                && nowMillis - session.lastHeardMillis <= withinMillis);
    }

    /** The learners that answered ping {@code round} or a later one. */
    TreeSet<MemberId> answered(long round) {
        return matching(session -> session.answeredRound >= round);
    }

    /** The synchronized learners that acknowledged {@code zxid}, so hold it durably. */
    TreeSet<MemberId> holding(Zxid zxid) {
        return matching(session -> session.phase == Phase.SYNCED && session.ackedThrough.compareTo(zxid) >= 0);
    }

    /** Every learner connected, in id order. */
    List<LearnerView> views(QuorumVerifier verifier) {
        List<LearnerView> views = new ArrayList<>();
        sessions.forEach((learner, session) -> views.add(new LearnerView(learner, verifier.isObserver(learner),
                session.phase == Phase.SYNCED, session.ackedThrough)));
        return views;
    }

    private TreeSet<MemberId> matching(Predicate<LearnerSession> test) {
        TreeSet<MemberId> learners = new TreeSet<>();
        sessions.forEach((learner, session) -> {
            if (test.test(session)) {
                learners.add(learner);
            }
        });
        return learners;
    }
}
