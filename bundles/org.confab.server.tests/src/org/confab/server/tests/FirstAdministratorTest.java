package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.junit.jupiter.api.Test;

/**
 * A database without an administrator gets the account "admin" at start, with the password from
 * CONFAB_ADMIN_PASSWORD (set by this bundle's pom).
 */
class FirstAdministratorTest extends AdminTestSupport {

    @Test
    void theFirstAdministratorExistsAndLogsInWithThePasswordFromTheEnvironment() throws Exception {
        assertTrue(stored("admin").admin());
        String expected = System.getProperty("confab.test.expectDatabase", "H2");
        if (!expected.equals("H2")) {
            // The MySQL database outlives runs: its "admin" may predate CONFAB_ADMIN_PASSWORD. The H2
            // database is new on every build, so there the environment's password must work.
            return;
        }
        try (TestClient client = TestClient.connected(server())) {
            AuthOk ok = client.body(client.login("admin", System.getenv("CONFAB_ADMIN_PASSWORD")), AuthOk.class);
            assertTrue(ok.admin());
            assertEquals("admin", ok.username());
            ok(client, MessageTypes.ADMIN_STATUS, null, StatusReport.class);
        }
    }
}
