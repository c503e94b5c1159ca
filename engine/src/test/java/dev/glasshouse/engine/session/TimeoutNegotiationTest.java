package dev.glasshouse.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeoutNegotiationTest {

    @ParameterizedTest(name = "{0}..{1}: requested {2} -> {3}")
    @CsvSource({
        "4000, 40000, 1000, 4000",
        "4000, 40000, 10000000, 40000",
        "4000, 40000, 30000, 30000",
        "4000, 40000, 4000, 4000",
        "4000, 40000, 40000, 40000",
        "4000, 40000, 0, 4000",
        "4000, 40000, -5, 4000",
        "6000, 60000, 2147483647, 60000",
        "5000, 5000, 1, 5000"
    })
    void clampsRequestedTimeoutToBounds(int min, int max, int requested, int negotiated) {
        assertThat(new TimeoutNegotiation(min, max).negotiate(requested)).isEqualTo(negotiated);
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"0, 1000", "-1, 1000", "5000, 4000"})
    void rejectsInconsistentBounds(int min, int max) {
        assertThatThrownBy(() -> new TimeoutNegotiation(min, max)).isInstanceOf(IllegalArgumentException.class);
    }
}
