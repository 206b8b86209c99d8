package dev.openhands.jiradc.testing.server;

import static org.junit.jupiter.api.Assertions.fail;

import dev.openhands.jiradc.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Looks for secrets in plain text where they must never be: every stored row, and the app server's logs. */
public final class Leaks {

    private Leaks() {
    }

    public static void assertNotStoredOrLogged(TestDatabase database, String... secrets) {
        List<String> found = new ArrayList<>();
        found.addAll(inDatabase(database, secrets));
        found.addAll(inLogs(secrets));
        if (!found.isEmpty()) {
            fail("secrets in plain text: " + found);
        }
    }

    static List<String> inDatabase(TestDatabase database, String... secrets) {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rows.getString(i);
                            for (String secret : secrets) {
                                if (value != null && value.contains(secret)) {
                                    found.add("table " + table + " column " + rows.getMetaData().getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables found to scan");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    static List<String> inLogs(String... secrets) {
        Path logs = ItLogs.directory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> logFiles = files.filter(file -> file.toString().endsWith(".log")).toList();
            if (logFiles.isEmpty()) {
                throw new IllegalStateException("no app server log in " + logs);
            }
            for (Path file : logFiles) {
                String log = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    if (log.contains(secret)) {
                        found.add("log " + file.getFileName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
