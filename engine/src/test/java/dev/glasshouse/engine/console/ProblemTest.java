package dev.glasshouse.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.glasshouse.engine.client.ZkException;
import dev.glasshouse.engine.wire.ErrorCode;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void conflictTellsTheUserToReloadAndKeepsTheCodeInDetails() {
        ZkException conflict = new ZkException(ErrorCode.BAD_VERSION, Optional.of("/app"), "BadVersion for /app");

        Problem problem = Problem.of("Saving /app", new CompletionException(conflict));

        assertThat(problem.summary()).startsWith("Saving /app failed: someone else changed the node")
                .contains("Reload");
        assertThat(problem.details()).contains("BAD_VERSION");
    }

    @Test
    void unexpectedFailuresNeverShowAStackTrace() {
        Problem problem = Problem.of("Listing /", new IllegalStateException("boom"));

        assertThat(problem.summary()).isEqualTo("Listing / failed unexpectedly. Retry; if it keeps failing, reconnect.");
        assertThat(problem.details()).isEqualTo("IllegalStateException: boom").doesNotContain("\tat ");
    }
}
