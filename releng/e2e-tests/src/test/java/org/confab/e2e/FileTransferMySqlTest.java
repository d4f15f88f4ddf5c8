package org.confab.e2e;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;

/** {@link FileTransferScenarios} with the build's MySQL/MariaDB database. */
class FileTransferMySqlTest extends FileTransferScenarios {
    @Override
    void assumeDatabase() {
        assumeFalse(Boolean.getBoolean("confab.test.mysql.skip"), "no MySQL on this machine (outside CI only)");
    }

    @Override
    List<String> databaseOptions() {
        return List.of("--db-url", System.getProperty("confab.test.mysql.url"), "--db-user",
                System.getProperty("confab.test.mysql.user"), "--db-password-file",
                System.getProperty("confab.test.mysql.passwordFile"));
    }

    @Override
    String name() {
        return "mysql";
    }
}
