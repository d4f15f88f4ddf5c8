package org.confab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An administrator runs the server with {@code ./confab cli admin ...} against the real server product
 * on a fresh embedded database: creates accounts, lists, renames, locks and unlocks them, watches who
 * is online, broadcasts, kicks and bans a user whose {@code inbox} is waiting, reads the audit log and
 * deletes an account; a normal user is refused every admin command.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliAgainstServerProductTest {
    /** The first administrator's password; the rules forbid it to contain the username "admin". */
    private static final String ROOT_PASSWORD = "keeper of 7 keys";
    private static final Map<String, String> ADMIN = Map.of("CONFAB_PASSWORD", ROOT_PASSWORD);
    private static final Map<String, String> CAROL = Map.of("CONFAB_PASSWORD", "flies high over 9 clouds");
    private static final Map<String, String> DAVE = Map.of("CONFAB_PASSWORD", "keeps 42 hives of bees");

    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        // The lowest iteration count clients accept keeps each of the many CLI logins cheap.
        server = ServerProcess.start(Processes.freshDirectory("admin-server-data"),
                Map.of("CONFAB_ADMIN_PASSWORD", ROOT_PASSWORD), "--scram-iterations", "4096");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.terminate(10);
        }
    }

    private static String[] commandLine(String user, String... arguments) {
        List<String> all = new ArrayList<>(List.of("cli", "--server", server.address(), "--fingerprint", server.fingerprint,
                "--user", user));
        all.addAll(List.of(arguments));
        return all.toArray(String[]::new);
    }

    private static Processes.Result cli(Map<String, String> env, String user, String... arguments) throws Exception {
        return Processes.run(env, commandLine(user, arguments));
    }

    private static Processes.Result admin(String... arguments) throws Exception {
        return cli(ADMIN, "admin", arguments);
    }

    /** The administrator's command with {@code CONFAB_NEW_PASSWORD} set, as a script creating accounts would. */
    private static Processes.Result adminWithNewPassword(Map<String, String> newUser, String... arguments)
            throws Exception {
        Map<String, String> env = new HashMap<>(ADMIN);
        env.put("CONFAB_NEW_PASSWORD", newUser.get("CONFAB_PASSWORD"));
        return cli(env, "admin", arguments);
    }

    private static void succeeds(Processes.Result result) {
        assertEquals(0, result.exitCode(), result.toString());
    }

    /** Fails with exit code 1 and one line {@code error: CODE: ...} on stderr. */
    private static void refusedWith(String code, Processes.Result result) {
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.stderr().strip().lines().count(), "one clear line: " + result);
        assertTrue(result.stderr().startsWith("error: " + code + ": "), result.toString());
    }

    /** Logging in as the user works (the presence list needs a login). */
    private static Processes.Result login(Map<String, String> env, String user) throws Exception {
        return cli(env, user, "online");
    }

    @Test
    @Order(1)
    void createsAccountsAndListsThem() throws Exception {
        Processes.Result carol = adminWithNewPassword(CAROL, "admin", "add-user", "carol", "--display-name",
                "Carol Danvers");
        succeeds(carol);
        assertTrue(carol.stdout().startsWith("created carol (Carol Danvers), user, active"), carol.toString());
        succeeds(adminWithNewPassword(DAVE, "--json", "admin", "add-user", "dave"));

        Processes.Result users = admin("--json", "admin", "users");
        succeeds(users);
        List<String> lines = users.stdout().strip().lines().toList();
        assertEquals(3, lines.size(), users.toString());
        assertTrue(lines.get(0).startsWith("{\"username\":\"admin\",\"displayName\":\"Administrator\",\"admin\":true,"
                + "\"locked\":false,\"online\":true,"), users.toString());
        assertTrue(lines.get(1).startsWith("{\"username\":\"carol\",\"displayName\":\"Carol Danvers\",\"admin\":false,"
                + "\"locked\":false,\"online\":false,\"createdAt\":\""), users.toString());
        assertTrue(lines.get(2).startsWith("{\"username\":\"dave\",\"displayName\":\"dave\""), users.toString());

        Processes.Result search = admin("--json", "admin", "users", "--query", "DANV");
        succeeds(search);
        assertEquals(1, search.stdout().strip().lines().count(), search.toString());
    }

    @Test
    @Order(2)
    void renamesLocksAndUnlocks() throws Exception {
        Processes.Result renamed = admin("--json", "admin", "update-user", "carol", "--display-name", "Carol D.");
        succeeds(renamed);
        assertTrue(renamed.stdout().contains("\"username\":\"carol\",\"displayName\":\"Carol D.\""), renamed.toString());

        succeeds(admin("admin", "update-user", "dave", "--lock"));
        refusedWith("ACCOUNT_LOCKED", login(DAVE, "dave"));

        Processes.Result unlocked = admin("admin", "update-user", "dave", "--unlock");
        succeeds(unlocked);
        assertTrue(unlocked.stdout().contains("dave (dave), user, active"), unlocked.toString());
        succeeds(login(DAVE, "dave"));
    }

    @Test
    @Order(3)
    void seesWhoIsOnlineBroadcastsAndKicksWithABan() throws Exception {
        Processes.Running inbox = Processes.start(CAROL, commandLine("carol", "--json", "inbox", "--wait", "20"));
        String carolsSession = awaitOnline("carol");
        assertTrue(carolsSession.contains("\"address\":\"127.0.0.1:"), carolsSession);
        assertTrue(carolsSession.matches(".*\"since\":\"[0-9T:.-]+Z\",\"idleSeconds\":\\d+,.*"), carolsSession);

        Processes.Result broadcast = admin("admin", "broadcast", "Maintenance", "at", "noon");
        succeeds(broadcast);
        assertTrue(broadcast.stdout().startsWith("sent to "), broadcast.toString());

        long kickedAt = System.nanoTime();
        Processes.Result kick = admin("admin", "kick", "carol", "--reason", "please stop flooding", "--ban-minutes", "1");
        succeeds(kick);
        assertTrue(kick.stdout().startsWith("closed 1 session of carol; banned until "), kick.toString());

        Processes.Result kicked = inbox.await(15);
        assertTrue(System.nanoTime() - kickedAt < TimeUnit.SECONDS.toNanos(10), "inbox ended by the kick, not its wait");
        assertNotEquals(0, kicked.exitCode(), kicked.toString());
        assertTrue(kicked.stderr().startsWith("error: KICKED: please stop flooding (banned until "), kicked.toString());
        assertTrue(kicked.stdout().contains("{\"notice\":\"Maintenance at noon\",\"from\":\"admin\""), kicked.toString());

        Processes.Result banned = login(CAROL, "carol");
        refusedWith("ACCOUNT_BANNED", banned);
        assertTrue(banned.stderr().contains("until"), banned.toString());

        succeeds(admin("admin", "update-user", "carol", "--unban"));
        succeeds(login(CAROL, "carol"));
    }

    /** Polls {@code admin online} until the user's session is listed; returns its JSON line. */
    private static String awaitOnline(String user) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Processes.Result online;
        do {
            online = admin("--json", "admin", "online");
            succeeds(online);
            for (String line : online.stdout().lines().toList()) {
                if (line.contains("\"username\":\"" + user + "\"")) {
                    return line;
                }
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(user + " never appeared online: " + online);
    }

    @Test
    @Order(4)
    void auditLogAndStatusShowWhatHappened() throws Exception {
        Processes.Result audit = admin("--json", "admin", "audit", "--limit", "50");
        succeeds(audit);
        String log = audit.stdout();
        for (String action : List.of("\"what\":\"user.add\",\"target\":\"carol\"",
                "\"what\":\"user.add\",\"target\":\"dave\"", "\"what\":\"user.update\",\"target\":\"dave\"",
                "\"what\":\"kick\",\"target\":\"carol\"", "\"what\":\"broadcast\"")) {
            assertTrue(log.contains("\"who\":\"admin\"," + action + ",\"address\":\"127.0.0.1:"), action + " in " + log);
        }
        assertTrue(log.lines().allMatch(line -> line.matches("\\{\"id\":\\d+,\"when\":\"[0-9T:.-]+Z\",.*")), log);
        assertTrue(log.contains("please stop flooding"), log);

        Processes.Result status = admin("--json", "admin", "status");
        succeeds(status);
        assertTrue(status.stdout().contains("\"accounts\":3,"), status.toString());
        assertTrue(status.stdout().contains("\"database\":\"H2"), status.toString());
    }

    @Test
    @Order(5)
    void aNormalUserIsRefusedEveryAdminCommand() throws Exception {
        Map<String, String> dave = new HashMap<>(DAVE);
        dave.put("CONFAB_NEW_PASSWORD", "mallory's password 1");
        List<List<String>> commands = List.of(List.of("users"), List.of("add-user", "mallory", "--admin"),
                List.of("update-user", "dave", "--admin"), List.of("delete-user", "carol"), List.of("online"),
                List.of("kick", "carol", "--ban-minutes", "60"), List.of("broadcast", "free", "pizza"),
                List.of("audit"), List.of("status"));
        List<Processes.Running> running = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> arguments = new ArrayList<>(List.of("admin"));
            arguments.addAll(command);
            running.add(Processes.start(dave, commandLine("dave", arguments.toArray(String[]::new))));
        }
        for (Processes.Running command : running) {
            refusedWith("NOT_ALLOWED", command.await(60));
        }

        Processes.Result users = admin("--json", "admin", "users");
        assertEquals(3, users.stdout().strip().lines().count(), "nobody added or deleted: " + users);
        assertTrue(users.stdout().contains("\"username\":\"dave\",\"displayName\":\"dave\",\"admin\":false"), users.toString());
        assertFalse(users.stdout().contains("bannedUntil"), "nobody banned: " + users);
    }

    @Test
    @Order(6)
    void aDeletedAccountCanNoLongerLogIn() throws Exception {
        Processes.Result deleted = admin("--json", "admin", "delete-user", "dave");
        succeeds(deleted);
        assertEquals("{\"username\":\"dave\",\"discardedMessages\":0}", deleted.stdout().strip());

        refusedWith("AUTH_FAILED", login(DAVE, "dave"));
    }
}
