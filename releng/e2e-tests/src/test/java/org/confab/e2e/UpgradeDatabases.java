package org.confab.e2e;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The two databases a layout-upgrade test runs its scenario on: the embedded H2 database of a fresh
 * data directory, and the build's MySQL/MariaDB database (skipped only where the build says there is
 * none). The scenario gets the server options that select the database and a way to open it with
 * plain JDBC while the server is stopped.
 */
final class UpgradeDatabases {
    interface Database {
        Connection open() throws SQLException;
    }

    interface Scenario {
        void run(Path data, List<String> serverOptions, Database database) throws Exception;
    }

    private UpgradeDatabases() {
    }

    static void embeddedH2(String name, Scenario scenario) throws Exception {
        Path data = Processes.freshDirectory(name + "-h2");
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("confab").toAbsolutePath();
        scenario.run(data, List.of(), () -> DriverManager.getConnection(url, "confab", ""));
    }

    static void mysql(String name, Scenario scenario) throws Exception {
        assumeFalse(Boolean.getBoolean("confab.test.mysql.skip"), "no MySQL on this machine (outside CI only)");
        String url = System.getProperty("confab.test.mysql.url");
        String user = System.getProperty("confab.test.mysql.user");
        Path passwordFile = Path.of(System.getProperty("confab.test.mysql.passwordFile"));
        String password = Files.readAllLines(passwordFile).get(0).strip();
        Path data = Processes.freshDirectory(name + "-mysql");
        scenario.run(data, List.of("--db-url", url, "--db-user", user, "--db-password-file", passwordFile.toString()),
                () -> DriverManager.getConnection(url, user, password));
    }
}
