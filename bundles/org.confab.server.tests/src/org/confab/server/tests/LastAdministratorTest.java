package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.AccountOrder;
import org.confab.server.api.AccountChanges;
import org.confab.server.api.AccountOverview;
import org.confab.server.api.AccountPage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.junit.jupiter.api.Test;

/**
 * The server always keeps an active administrator. The database is shared with earlier runs, so the
 * test makes its administrator the only active one by locking the others for its duration.
 */
class LastAdministratorTest extends AdminTestSupport {

    @Test
    void theLastActiveAdministratorCannotBeDemotedLockedBannedOrDeleted() throws Exception {
        String last = newAdmin();
        List<String> lockedHere = new ArrayList<>();
        try (TestClient admin = loggedIn(last)) {
            lockEveryOtherActiveAdministrator(Set.of(last), lockedHere);
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(last, null, null, false, null, null))));
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(last, null, null, null, true, null))));
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_KICK, new Kick(last, null, 10))));
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_DELETE, new DeleteUser(last))));
            ProtocolException fromConsole = assertThrows(ProtocolException.class,
                    () -> adminService().deleteUser(AdminActor.console(), last));
            assertEquals(ErrorCode.NOT_ALLOWED, fromConsole.code(), "the console is held to the rule too");
            assertTrue(stored(last).activeAdminAt(Instant.now()), "nothing changed");
            ok(admin, MessageTypes.ADMIN_STATUS, null, StatusReport.class);

            String second = uniqueName("second");
            ok(admin, MessageTypes.ADMIN_USER_ADD, new AddUser(second, PASSWORD, null, true), UserEntry.class);
            ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(second, null, null, null, true, null), UserEntry.class);
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_USER_UPDATE,
                    new UpdateUser(last, null, null, false, null, null))), "a locked administrator does not count");
            ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(second, null, null, null, false, null), UserEntry.class);
            UserEntry demoted = ok(admin, MessageTypes.ADMIN_USER_UPDATE, new UpdateUser(last, null, null, false, null, null),
                    UserEntry.class);
            assertFalse(demoted.admin(), "with another active administrator the demotion is allowed");
            assertEquals("NOT_ALLOWED", errorCode(admin, admin.request(MessageTypes.ADMIN_STATUS)));
        } finally {
            AdminService service = adminService();
            for (String name : lockedHere) {
                service.updateUser(AdminActor.console(), name, AccountChanges.none().withLocked(false));
            }
        }
    }

    /** Locks every active administrator not in {@code keep}; notes whom it locked, to unlock them later. */
    private static void lockEveryOtherActiveAdministrator(Set<String> keep, List<String> locked) throws Exception {
        AdminService service = adminService();
        List<String> others = new ArrayList<>();
        Instant now = Instant.now();
        for (int offset = 0;; offset += 1000) {
            AccountPage page = service.users(AdminActor.console(), "", AccountOrder.BY_USERNAME, offset, 1000);
            page.accounts().stream().map(AccountOverview::account)
                    .filter(a -> a.activeAdminAt(now) && !keep.contains(a.username()))
                    .forEach(a -> others.add(a.username()));
            if (page.accounts().size() < 1000) {
                break;
            }
        }
        for (String name : others) {
            service.updateUser(AdminActor.console(), name, AccountChanges.none().withLocked(true));
            locked.add(name);
        }
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneActive() throws Exception {
        String one = newAdmin();
        String two = newAdmin();
        AdminService service = adminService();
        List<String> lockedHere = new ArrayList<>();
        try {
            lockEveryOtherActiveAdministrator(Set.of(one, two), lockedHere);
            for (int round = 0; round < 10; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Boolean> demoteOne = () -> demote(service, one, start);
                Callable<Boolean> demoteTwo = () -> demote(service, two, start);
                try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                    Future<Boolean> first = pool.submit(demoteOne);
                    Future<Boolean> second = pool.submit(demoteTwo);
                    assertTrue(first.get(30, TimeUnit.SECONDS) ^ second.get(30, TimeUnit.SECONDS),
                            "exactly one of two concurrent demotions succeeds (round " + round + ")");
                }
                Instant now = Instant.now();
                assertTrue(stored(one).activeAdminAt(now) ^ stored(two).activeAdminAt(now));
                String demoted = stored(one).admin() ? two : one;
                service.updateUser(AdminActor.console(), demoted, AccountChanges.none().withAdmin(true));
            }
        } finally {
            for (String name : lockedHere) {
                service.updateUser(AdminActor.console(), name, AccountChanges.none().withLocked(false));
            }
        }
    }

    /** Demotes {@code name} as soon as the other thread is ready too; false when refused as the last one. */
    private static boolean demote(AdminService service, String name, CyclicBarrier start) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            service.updateUser(AdminActor.console(), name, AccountChanges.none().withAdmin(false));
            return true;
        } catch (ProtocolException e) {
            assertEquals(ErrorCode.NOT_ALLOWED, e.code(), e.getMessage());
            return false;
        }
    }
}
