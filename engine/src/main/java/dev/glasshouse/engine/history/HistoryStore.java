package dev.glasshouse.engine.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 file database behind the consoles' history. Opening it brings the schema up to date
 * from the versioned scripts in {@code history/V<n>__*.sql}; each applied version is recorded so
 * a script runs once per database. One JDBC connection, used under this object's lock.
 */
public final class HistoryStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);
    private static final List<String> MIGRATIONS = List.of("V1__audit_trail.sql");

    private final Connection connection;

    private HistoryStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database {@code history.mv.db} in {@code directory}. */
    public static HistoryStore open(Path directory) throws SQLException {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("history");
        Connection connection = DriverManager.getConnection(url, "glasshouse", "");
        try {
            migrate(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        log.info("History store open database={}", url);
        return new HistoryStore(connection);
    }

    private static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
                    + " script VARCHAR(200) NOT NULL)");
        }
        for (int version = 1; version <= MIGRATIONS.size(); version++) {
            if (!applied(connection, version)) {
                apply(connection, version, MIGRATIONS.get(version - 1));
            }
        }
    }

    private static boolean applied(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM schema_version WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : read(script).split(";")) {
                String trimmed = sql.lines().filter(line -> !line.strip().startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b).strip();
                if (!trimmed.isEmpty()) {
                    statement.execute(trimmed);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script);
            insert.executeUpdate();
        }
    }

    private static String read(String script) {
        try (InputStream in = HistoryStore.class.getResourceAsStream("/history/" + script)) {
            if (in == null) {
                throw new IllegalStateException("schema script history/" + script + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script history/" + script, e);
        }
    }

    /** Runs work with the store's connection, serialised with every other use of it. */
    synchronized <T> T withConnection(SqlWork<T> work) throws SQLException {
        return work.run(connection);
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
