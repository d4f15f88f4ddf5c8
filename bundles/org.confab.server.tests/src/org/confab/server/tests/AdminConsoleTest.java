package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AuditEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The Gogo commands of the server console, run through the real command processor. */
class AdminConsoleTest extends AdminTestSupport {

    private static final Set<String> COMMANDS = Set.of("users", "adduser", "passwd", "setadmin", "lock", "unlock",
            "deluser", "online", "kick", "broadcast", "audit", "status", "files", "file-delete");

    private CommandSession console;

    @BeforeEach
    void openConsole() throws Exception {
        CommandProcessor processor = Services.await(CommandProcessor.class, 60_000);
        console = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @AfterEach
    void closeConsole() {
        console.close();
    }

    private String run(String command) throws Exception {
        Object result = console.execute(command);
        assertNotNull(result, command);
        return result.toString();
    }

    @Test
    void commandsAreRegisteredInTheConfabScope() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        adminService();
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.command.scope=confab)");
        assertNotNull(refs, "no confab commands registered");
        List<String> functions = java.util.Arrays.stream(refs)
                .flatMap(ref -> ref.getProperty("osgi.command.function") instanceof String[] many
                        ? java.util.Arrays.stream(many) : java.util.stream.Stream.of((String) ref.getProperty("osgi.command.function")))
                .toList();
        assertTrue(functions.containsAll(COMMANDS), "functions " + functions);
    }

    @Test
    void anOperatorManagesAnAccountFromTheConsole() throws Exception {
        String name = uniqueName("con");
        String created = run("confab:adduser -d \"Console Made\" " + name);
        Matcher generated = Pattern.compile("created account " + name + " with password (\\S+)").matcher(created);
        assertTrue(generated.matches(), created);
        String password = generated.group(1);
        try (TestClient client = TestClient.connected(server())) {
            assertFalse(client.body(client.login(name, password), AuthOk.class).admin(), "the generated password works");
        }
        String listed = run("confab:users " + name);
        assertTrue(listed.contains(name) && listed.contains("Console Made") && listed.contains("1 account"), listed);

        assertTrue(run("confab:setadmin " + name + " true").contains("is now an administrator"));
        assertTrue(run("confab:passwd -p \"" + PASSWORD + "\" " + name).contains("changed"));
        try (TestClient user = loggedIn(name)) {
            assertTrue(run("confab:online").contains(name));
            assertTrue(run("confab:broadcast hello from the console").contains("sent to"));
            Notice notice = user.body(user.await(MessageTypes.ADMIN_NOTICE), Notice.class);
            assertEquals(AdminActor.CONSOLE, notice.from());
            assertEquals("hello from the console", notice.text());

            assertTrue(run("confab:lock " + name).contains("locked"));
            assertEquals("KICKED", user.body(user.await(MessageTypes.SESSION_CLOSED), SessionClosed.class).code());
        }
        try (TestClient refused = TestClient.connected(server())) {
            assertEquals("ACCOUNT_LOCKED", errorCode(refused, refused.login(name, PASSWORD)));
        }
        run("confab:unlock " + name);
        try (TestClient user = loggedIn(name)) {
            String kicked = run("confab:kick -b 5 " + name + " console says bye");
            assertTrue(kicked.contains("closed 1 session") && kicked.contains("banned until"), kicked);
            SessionClosed closed = user.body(user.await(MessageTypes.SESSION_CLOSED), SessionClosed.class);
            assertTrue(closed.reason().startsWith("console says bye"), closed.reason());
        }
        try (TestClient refused = TestClient.connected(server())) {
            assertEquals("ACCOUNT_BANNED", errorCode(refused, refused.login(name, PASSWORD)));
        }
        run("confab:unban " + name);
        try (TestClient client = TestClient.connected(server())) {
            assertTrue(client.body(client.login(name, PASSWORD), AuthOk.class).admin());
        }

        String status = run("confab:status");
        assertTrue(status.contains("database") && status.contains("accounts"), status);
        String audit = run("confab:audit -n 50");
        assertTrue(audit.contains("console") && audit.contains(name), audit);
        List<AuditEntry> entries = adminService().audit(AdminActor.console(), Optional.empty(), 20);
        assertTrue(entries.stream().anyMatch(e -> e.actor().equals("console") && e.action().equals("user.add")
                && e.target().equals(Optional.of(name)) && e.address().equals("console")), entries.toString());

        run("confab:setadmin " + name + " false");
        assertTrue(run("confab:deluser " + name).startsWith("deleted " + name));
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("AUTH_FAILED", errorCode(client, client.login(name, PASSWORD)));
        }
    }

    @Test
    void refusedCommandsFailWithTheReason() {
        Exception e = assertThrows(Exception.class, () -> console.execute("confab:deluser " + uniqueName("nobody")));
        assertTrue(String.valueOf(e.getMessage()).contains("NO_SUCH_USER"), e.toString());
        Exception weak = assertThrows(Exception.class, () -> console.execute("confab:adduser -p short " + uniqueName("weak")));
        assertTrue(String.valueOf(weak.getMessage()).contains("WEAK_PASSWORD"), weak.toString());
    }

    @Test
    void theConsoleListsAUsersFilesAndDeletesOneAudited() throws Exception {
        String alice = register("alice");
        String id;
        try (TestClient a = loggedIn(alice)) {
            id = AttachmentTestSupport.upload(a, "minutes.txt", AttachmentTestSupport.random(12_345));
        }
        String listing = run("confab:files -o " + alice);
        assertTrue(listing.contains(id) && listing.contains("minutes.txt") && listing.contains("12,345")
                && listing.contains("stored"), listing);
        assertTrue(listing.endsWith("1 of 1 files"), listing);

        assertEquals("deleted file " + id, run("confab:file-delete " + id));
        assertTrue(AttachmentTestSupport.attachments().info(id, alice).isEmpty());
        AuditEntry entry = adminService().audit(AdminActor.console(), Optional.empty(), 1).get(0);
        assertEquals("file.delete", entry.action());
        assertEquals("console", entry.actor());
        Exception again = assertThrows(Exception.class, () -> run("confab:file-delete " + id));
        assertTrue(String.valueOf(again.getMessage()).contains("NOT_FOUND"), again.toString());
        assertTrue(run("confab:files -o " + alice).endsWith("0 of 0 files"));
    }
}
