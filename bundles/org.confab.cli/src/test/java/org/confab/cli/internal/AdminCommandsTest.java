package org.confab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.confab.client.core.ConfabConnectionException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the command line of every {@code admin} subcommand becomes its request, or a usage error. */
class AdminCommandsTest {
    private static final Map<String, String> ENV = Map.of("CONFAB_USER", "root", "CONFAB_PASSWORD", "pw");
    private static final CommandContext.Connector UNREACHABLE = global -> {
        throw new ConfabConnectionException("cannot connect");
    };

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    /** The request the command line describes, parsed as the CLI does, without connecting. */
    private static Object request(Map<String, String> env, String... args) {
        CommandRegistry registry = Commands.standard();
        ParsedArguments parsed = registry.resolve(
                new ArgumentParser(registry.allValueOptions(), registry.allFlags()).parse(List.of(args)));
        AdminCommand<?> command = (AdminCommand<?>) registry.find(parsed.command()).orElseThrow();
        Output output = new Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        return command.request(new CommandContext(GlobalOptions.from(parsed, env), parsed, output, UNREACHABLE, env));
    }

    private static Object request(String... args) {
        return request(ENV, args);
    }

    private static UsageException refused(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class, () -> request(env, args));
    }

    private static UsageException refused(String... args) {
        return refused(ENV, args);
    }

    /** Runs the whole CLI; with the unreachable server, exit code 3 means the command line was accepted. */
    private int run(String... args) {
        PrintStream devNull = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliApplication(Commands.standard(), UNREACHABLE, devNull,
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV).run(List.of(args));
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void usersSearchesAndPages() {
        assertEquals(new UserQuery(null, null, AdminUsersCommand.DEFAULT_LIMIT), request("admin", "users"));
        assertEquals(new UserQuery("ca", 50, 10),
                request("admin", "users", "--query", "ca", "--offset", "50", "--limit", "10"));
        refused("admin", "users", "--limit", "0");
        refused("admin", "users", "--limit", "201");
        refused("admin", "users", "--offset", "-1");
        assertEquals(new UserQuery(null, null, AdminUsersCommand.DEFAULT_LIMIT, "createdAt", true),
                request("admin", "users", "--sort", "createdAt", "--descending"));
        refused("admin", "users", "--sort", "password");
        refused("admin", "users", "carol");
        assertTrue(refused("admin", "users", "--query", "x".repeat(65)).getMessage().startsWith("--query"));
    }

    @Test
    void addUserTakesThePasswordFromTheEnvironmentOrAFileNeverFromAnArgument() throws Exception {
        Map<String, String> env = Map.of("CONFAB_NEW_PASSWORD", "from the environment");
        Path file = Files.writeString(dir.resolve("new"), "from the file\nignored\n");

        assertEquals(new AddUser("dana", "from the environment", "Dana Scully", true),
                request(env, "admin", "add-user", "dana", "--admin", "--display-name", "Dana Scully"));
        assertEquals(new AddUser("dana", "from the file", null, null),
                request(env, "admin", "add-user", "dana", "--new-password-file", file.toString()));
        UsageException none = refused("admin", "add-user", "dana");
        assertTrue(none.getMessage().contains("--new-password-file") && none.getMessage().contains("CONFAB_NEW_PASSWORD"),
                none.getMessage());
        refused(env, "admin", "add-user");
        refused(env, "admin", "add-user", "dana", "erin");
        refused("admin", "add-user", "dana", "--new-password-file", dir.resolve("absent").toString());
        UsageException plain = assertThrows(UsageException.class,
                () -> request(env, "admin", "add-user", "dana", "--new-password", "secret"));
        assertTrue(plain.getMessage().contains("not accepted on the command line"), plain.getMessage());
    }

    @Test
    void updateUserSendsOnlyWhatIsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("new"), "brand new password\n");

        assertEquals(new UpdateUser("dave", "Dave D.", null, null, null, null),
                request("admin", "update-user", "dave", "--display-name", "Dave D."));
        assertEquals(new UpdateUser("dave", "", null, null, null, null),
                request("admin", "update-user", "dave", "--display-name", ""), "blank resets the display name");
        assertEquals(new UpdateUser("dave", null, null, true, true, null),
                request("admin", "update-user", "dave", "--admin", "--lock"));
        assertEquals(new UpdateUser("dave", null, null, false, false, true),
                request("admin", "update-user", "dave", "--no-admin", "--unlock", "--unban"));
        assertEquals(new UpdateUser("dave", null, "brand new password", null, null, null),
                request("admin", "update-user", "dave", "--new-password-file", file.toString()));
    }

    @Test
    void updateUserRefusesContradictionsAndNothingToDo() {
        assertTrue(refused("admin", "update-user", "dave", "--admin", "--no-admin").getMessage().contains("contradict"));
        refused("admin", "update-user", "dave", "--lock", "--unlock");
        assertTrue(refused("admin", "update-user", "dave").getMessage().contains("needs a change"));
        refused("admin", "update-user", "--lock");
        // a CONFAB_NEW_PASSWORD left in the environment never changes a password
        refused(Map.of("CONFAB_NEW_PASSWORD", "leftover password"), "admin", "update-user", "dave");
    }

    @Test
    void deleteUserNeedsExactlyOneName() {
        assertEquals(new DeleteUser("dave"), request("admin", "delete-user", "dave"));
        refused("admin", "delete-user");
        refused("admin", "delete-user", "dave", "erin");
    }

    @Test
    void onlineAndStatusTakeNoArguments() {
        assertNull(request("admin", "online"));
        assertNull(request("admin", "status"));
        assertNull(request("admin", "cluster"));
        refused("admin", "online", "carol");
        refused("admin", "status", "now");
        refused("admin", "cluster", "n1");
    }

    @Test
    void kickWithReasonAndBan() {
        assertEquals(new Kick("carol", null, null), request("admin", "kick", "carol"));
        assertEquals(new Kick("carol", "please stop flooding", 1),
                request("admin", "kick", "carol", "--reason", "please stop flooding", "--ban-minutes", "1"));
        assertEquals(new Kick("carol", null, 525_600), request("admin", "kick", "carol", "--ban-minutes", "525600"));
        refused("admin", "kick", "carol", "--ban-minutes", "0");
        refused("admin", "kick", "carol", "--ban-minutes", "525601");
        refused("admin", "kick", "carol", "--ban-minutes", "forever");
        assertTrue(refused("admin", "kick", "carol", "--reason", "x".repeat(201)).getMessage().startsWith("--reason"));
        refused("admin", "kick");
    }

    @Test
    void broadcastJoinsItsWords() {
        assertEquals(new Broadcast("The server restarts at 18:00."),
                request("admin", "broadcast", "The", "server", "restarts", "at", "18:00."));
        assertEquals(new Broadcast("--json is text here"), request("admin", "broadcast", "--", "--json is text here"));
        refused("admin", "broadcast");
        refused("admin", "broadcast", " ");
        refused("admin", "broadcast", "x".repeat(2001));
    }

    @Test
    void auditPagesBackwards() {
        assertEquals(new AuditQuery(null, AdminAuditCommand.DEFAULT_LIMIT), request("admin", "audit"));
        assertEquals(new AuditQuery(310L, 5), request("admin", "audit", "--limit", "5", "--before", "310"));
        refused("admin", "audit", "--limit", "0");
        refused("admin", "audit", "--before", "0");
        refused("admin", "audit", "everything");
    }

    @Test
    void everyAdminCommandLineIsAcceptedAndThenNeedsTheServer() {
        List<List<String>> lines = List.of(List.of("users", "--query", "a"), List.of("online"), List.of("status"),
                List.of("delete-user", "dave"), List.of("kick", "carol", "--ban-minutes", "1"),
                List.of("broadcast", "hi"), List.of("audit", "--limit", "3"), List.of("update-user", "dave", "--lock"),
                List.of("cluster"));
        for (List<String> line : lines) {
            List<String> args = new ArrayList<>(List.of("--json", "admin"));
            args.addAll(line);
            assertEquals(ExitCodes.CANNOT_CONNECT, run(args.toArray(String[]::new)), args + ": " + err);
        }
    }

    @Test
    void optionsOfOneCommandDoNotApplyToAnother() {
        assertEquals(ExitCodes.USAGE, run("admin", "online", "--limit", "3"));
        assertEquals("error: --limit does not apply to admin online", firstErrorLine());
        err.reset();
        assertEquals(ExitCodes.USAGE, run("admin", "users", "--lock"));
        assertEquals("error: --lock does not apply to admin users", firstErrorLine());
        err.reset();
        assertEquals(ExitCodes.USAGE, run("send", "--admin", "bob", "hi"));
        assertEquals("error: --admin does not apply to send", firstErrorLine());
    }

    @Test
    void theGroupNeedsAKnownSubcommand() {
        assertEquals(ExitCodes.USAGE, run("admin"));
        assertTrue(firstErrorLine().startsWith("error: admin needs a subcommand: users, add-user, update-user"),
                firstErrorLine());
        err.reset();
        assertEquals(ExitCodes.USAGE, run("admin", "frobnicate"));
        assertEquals("error: unknown command 'admin frobnicate'", firstErrorLine());
    }

    @Test
    void usageListsTheAdminCommandsUnderTheirHeading() {
        String usage = Commands.standard().usage();

        int heading = usage.indexOf(AdminCommand.HEADING + ":");
        assertTrue(heading > usage.indexOf("  ping"), usage);
        for (String command : List.of("users", "add-user", "update-user", "delete-user", "online", "kick", "broadcast",
                "audit", "status", "cluster")) {
            assertTrue(usage.indexOf("  admin " + command, heading) > 0, command + " missing from\n" + usage);
        }
    }

    @Test
    void groupsAndCommandsCannotBeConfused() {
        CommandRegistry registry = new CommandRegistry();
        assertThrows(IllegalArgumentException.class, () -> registry.register(new AdminStatusCommand()),
                "a grouped command needs its group");
        registry.group("admin", "administration");
        registry.register(new AdminStatusCommand());
        assertThrows(IllegalArgumentException.class, () -> registry.register(new AdminStatusCommand()));
        assertThrows(IllegalArgumentException.class, () -> registry.group("admin", "again"));
    }
}
