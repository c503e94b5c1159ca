package dev.glasshouse.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTableTest {
    private static final long S1 = 0x0100_0000_0000_0001L;
    private static final long S2 = 0x0100_0000_0000_0002L;
    private static final byte[] PASSWORD = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final SessionTable table = new SessionTable();

    @Test
    void openSetsDeadlineFromTimeoutAndCopiesPassword() {
        byte[] password = PASSWORD.clone();
        Session session = table.open(S1, 30_000, password, 1_000);
        password[0] = 99;

        assertThat(session.id()).isEqualTo(S1);
        assertThat(session.timeoutMillis()).isEqualTo(30_000);
        assertThat(session.deadlineMillis()).isEqualTo(31_000);
        assertThat(session.password()).isEqualTo(PASSWORD);
        assertThat(session.isClosing()).isFalse();
        assertThat(table.get(S1)).containsSame(session);
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void openingAnExistingSessionIsABrokenInvariant() {
        table.open(S1, 30_000, PASSWORD, 0);

        assertThatThrownBy(() -> table.open(S1, 30_000, PASSWORD, 0)).isInstanceOf(IllegalStateException.class);
    }

    static Stream<Arguments> expiryTimes() {
        return Stream.of(
                Arguments.of(10_999L, false),
                Arguments.of(11_000L, true),
                Arguments.of(50_000L, true));
    }

    @ParameterizedTest(name = "at {0}: expired={1}")
    @MethodSource("expiryTimes")
    void sessionExpiresWhenItsDeadlineIsReached(long nowMillis, boolean expired) {
        table.open(S1, 10_000, PASSWORD, 1_000);

        assertThat(table.expired(nowMillis)).isEqualTo(expired ? List.of(S1) : List.of());
    }

    @Test
    void touchPushesTheDeadlineButNeverPullsItBack() {
        Session session = table.open(S1, 10_000, PASSWORD, 1_000);

        assertThat(table.touch(S1, 5_000)).isTrue();
        assertThat(session.deadlineMillis()).isEqualTo(15_000);
        assertThat(table.touch(S1, 2_000)).isTrue();
        assertThat(session.deadlineMillis()).isEqualTo(15_000);
        assertThat(table.expired(14_999)).isEmpty();
        assertThat(table.expired(15_000)).containsExactly(S1);
    }

    @Test
    void touchOfUnknownOrClosingSessionFails() {
        Session session = table.open(S1, 10_000, PASSWORD, 0);
        table.markClosing(S1);

        assertThat(table.touch(S1, 5_000)).isFalse();
        assertThat(session.deadlineMillis()).isEqualTo(10_000);
        assertThat(table.touch(S2, 5_000)).isFalse();
    }

    @Test
    void closingSessionIsNotReportedExpiredAgainAndCannotBeResumed() {
        table.open(S1, 10_000, PASSWORD, 0);
        table.markClosing(S1);

        assertThat(table.get(S1).orElseThrow().isClosing()).isTrue();
        assertThat(table.expired(99_000)).isEmpty();
        assertThat(table.validate(S1, PASSWORD)).isEmpty();
        table.markClosing(S2);
        assertThat(table.get(S2)).isEmpty();
    }

    @Test
    void expiredListsSessionsInCreationOrder() {
        table.open(S2, 1_000, PASSWORD, 0);
        table.open(S1, 1_000, PASSWORD, 0);
        table.open(3, 60_000, PASSWORD, 0);

        assertThat(table.expired(1_000)).containsExactly(S2, S1);
    }

    static Stream<Arguments> passwords() {
        byte[] wrong = PASSWORD.clone();
        wrong[15] = 0;
        return Stream.of(
                Arguments.of("same password", S1, PASSWORD.clone(), true),
                Arguments.of("one byte differs", S1, wrong, false),
                Arguments.of("zero password", S1, new byte[16], false),
                Arguments.of("truncated password", S1, new byte[] {1, 2, 3}, false),
                Arguments.of("null password", S1, null, false),
                Arguments.of("unknown session", S2, PASSWORD.clone(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwords")
    void validateChecksSessionAndPassword(String name, long id, byte[] password, boolean valid) {
        table.open(S1, 10_000, PASSWORD, 0);

        assertThat(table.validate(id, password).isPresent()).isEqualTo(valid);
    }

    @Test
    void removeForgetsTheSession() {
        table.open(S1, 10_000, PASSWORD, 0);
        table.open(S2, 10_000, PASSWORD, 0);

        table.remove(S1);

        assertThat(table.get(S1)).isEmpty();
        assertThat(table.validate(S1, PASSWORD)).isEmpty();
        assertThat(table.all()).extracting(Session::id).containsExactly(S2);
        assertThat(table.size()).isEqualTo(1);
    }
}
