package dev.glasshouse.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.glasshouse.engine.console.AuditSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static AuditSink.Edit edit(String action, String path, String before, String after) {
        return new AuditSink.Edit("teacher", "127.0.0.1:2181", action, path,
                before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void editsSurviveReopeningTheDatabaseNewestFirst() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir)) {
            AuditTrail trail = new AuditTrail(store, CLOCK);
            trail.record(edit("create", "/app", "", "v1"));
            trail.record(edit("set", "/app", "v1", "v2"));
        }
        try (HistoryStore store = HistoryStore.open(dir)) {
            List<AuditEntry> entries = new AuditTrail(store, CLOCK).recent(10, "/");

            assertThat(entries).extracting(AuditEntry::action).containsExactly("set", "create");
            AuditEntry newest = entries.get(0);
            assertThat(newest.user()).isEqualTo("teacher");
            assertThat(newest.at()).isEqualTo(CLOCK.instant());
            assertThat(new String(newest.before(), StandardCharsets.UTF_8)).isEqualTo("v1");
            assertThat(new String(newest.after(), StandardCharsets.UTF_8)).isEqualTo("v2");
        }
    }

    @Test
    void filtersByPathPrefixTakingWildcardCharactersLiterally() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir)) {
            AuditTrail trail = new AuditTrail(store, CLOCK);
            trail.record(edit("create", "/a_b/x", "", "1"));
            trail.record(edit("create", "/axb/y", "", "2"));
            trail.record(edit("create", "/a%/z", "", "3"));

            assertThat(trail.recent(10, "/a_b")).extracting(AuditEntry::path).containsExactly("/a_b/x");
            assertThat(trail.recent(10, "/a%")).extracting(AuditEntry::path).containsExactly("/a%/z");
            assertThat(trail.recent(2, "/")).hasSize(2);
        }
    }

    @Test
    void aBrokenDatabaseNeverFailsTheEdit() throws Exception {
        HistoryStore store = HistoryStore.open(dir);
        AuditTrail trail = new AuditTrail(store, CLOCK);
        store.close();

        assertThatCode(() -> trail.record(edit("delete", "/gone", "x", ""))).doesNotThrowAnyException();
    }
}
