package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.junit.jupiter.api.Test;

/** Registration rules and SCRAM login over a real socket against the running server. */
class AccountsAndLoginTest extends ServerTestSupport {

    @Test
    void registersCanonicalLowerCaseNameAndLogsInWithAnyCase() throws Exception {
        String name = uniqueName("Mixed");
        try (TestClient client = TestClient.connected(server())) {
            Frame response = client.request(MessageTypes.REGISTER, new Register(name.toUpperCase(), PASSWORD, "Mixed Case"));
            Registered registered = client.body(response, Registered.class);
            assertEquals(name, registered.username());
            assertEquals("Mixed Case", registered.displayName());
        }
        try (TestClient client = TestClient.connected(server())) {
            Frame response = client.login(name.toUpperCase(), PASSWORD);
            AuthOk ok = client.body(response, AuthOk.class);
            assertEquals(name, ok.username());
            assertEquals(false, ok.admin());
        }
    }

    @Test
    void refusesTakenNamesCaseInsensitively() throws Exception {
        String name = register("taken");
        try (TestClient client = TestClient.connected(server())) {
            Frame response = client.request(MessageTypes.REGISTER, new Register(name.toUpperCase(), PASSWORD, null));
            assertEquals("USERNAME_TAKEN", errorCode(client, response));
        }
    }

    @Test
    void refusesInvalidNamesAndWeakPasswordsWithClearErrors() throws Exception {
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("INVALID_USERNAME", errorCode(client, client.request(MessageTypes.REGISTER, new Register("ab", PASSWORD, null))));
            assertEquals("INVALID_USERNAME", errorCode(client, client.request(MessageTypes.REGISTER, new Register("9lives", PASSWORD, null))));
            assertEquals("INVALID_USERNAME", errorCode(client, client.request(MessageTypes.REGISTER, new Register("bad name", PASSWORD, null))));
            String name = uniqueName("weak");
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.REGISTER, new Register(name, "short", null))));
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.REGISTER, new Register(name, "aaaaaaaaaaaa", null))));
            assertEquals("WEAK_PASSWORD", errorCode(client, client.request(MessageTypes.REGISTER, new Register(name, name + "123", null))));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserFailTheSameWay() throws Exception {
        String name = register("victim");
        try (TestClient client = TestClient.connected(server())) {
            assertEquals("AUTH_FAILED", errorCode(client, client.login(name, "not the password")));
            assertEquals("AUTH_FAILED", errorCode(client, client.login(uniqueName("ghost"), PASSWORD)));
        }
    }

    @Test
    void requestsBeforeLoginAreRefused() throws Exception {
        try (TestClient client = TestClient.connected(server())) {
            Frame response = client.request(MessageTypes.CHAT_SEND, new ChatSend("anyone", clientId(), "hi"));
            assertEquals("NOT_AUTHENTICATED", errorCode(client, response));
            assertEquals("NOT_AUTHENTICATED", errorCode(client, client.request(MessageTypes.PRESENCE_LIST)));
        }
    }

    @Test
    void aNewAccountIsPushedToEveryoneLoggedInAsAnOfflineContact() throws Exception {
        String watcher = register("watcher");
        try (TestClient client = loggedIn(watcher)) {
            String newcomer = register("newcomer");
            PresenceEntry registered = client.body(client.await("presence.update for " + newcomer,
                    f -> f.type().equals(MessageTypes.PRESENCE_UPDATE) && newcomer.equals(f.body().path("username").asText()),
                    5000), PresenceEntry.class);
            assertEquals(new PresenceEntry(newcomer, "User " + newcomer, false), registered);

            String added = uniqueName("added");
            Services.await(AdminService.class, 60_000).addUser(AdminActor.console(), added, PASSWORD, "Added One", false);
            PresenceEntry byAdmin = client.body(client.await("presence.update for " + added,
                    f -> f.type().equals(MessageTypes.PRESENCE_UPDATE) && added.equals(f.body().path("username").asText()),
                    5000), PresenceEntry.class);
            assertEquals(new PresenceEntry(added, "Added One", false), byAdmin);
        }
    }

    @Test
    void logoutClosesTheSession() throws Exception {
        String name = register("leaver");
        try (TestClient client = loggedIn(name)) {
            assertEquals("auth.logout.ok", client.request(MessageTypes.LOGOUT).type());
            assertTrue(client.closedWithin(5000), "server closes after logout");
        }
    }
}
