package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.Account;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.AuditEntry;
import org.confab.server.spi.AccountStore;

/**
 * Shared set-up of the administration tests. Administrators are created per test through the
 * console, as an operator would: the MySQL database outlives test runs, so the first administrator's
 * password may be one an earlier run generated.
 */
abstract class AdminTestSupport extends ServerTestSupport {

    static AdminService adminService() throws InterruptedException {
        return Services.await(AdminService.class, 60_000);
    }

    static AccountStore accountStore() throws InterruptedException {
        return Services.await(AccountStore.class, 60_000);
    }

    /** A fresh administrator account with {@link #PASSWORD}. */
    static String newAdmin() throws Exception {
        String name = uniqueName("adm");
        adminService().addUser(AdminActor.console(), name, PASSWORD, "Admin " + name, true);
        return name;
    }

    static Account stored(String username) throws Exception {
        return accountStore().find(username).orElseThrow(() -> new AssertionError("no account " + username));
    }

    /** Sends a request and asserts it succeeded; returns the response body as {@code type}. */
    static <T> T ok(TestClient client, String requestType, Object body, Class<T> type) throws Exception {
        Frame response = body == null ? client.request(requestType) : client.request(requestType, body);
        assertEquals(MessageTypes.ok(requestType), response.type(), response.toString());
        return client.body(response, type);
    }

    /** The admin view of exactly one user, found by name. */
    static Optional<UserEntry> user(TestClient admin, String username) throws Exception {
        UserPage page = ok(admin, MessageTypes.ADMIN_USERS, new UserQuery(username, null, 200), UserPage.class);
        return page.users().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** Id of the newest audit entry, 0 when the log is empty. */
    static long newestAuditId() throws Exception {
        List<AuditEntry> newest = adminService().audit(AdminActor.console(), Optional.empty(), 1);
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }
}
