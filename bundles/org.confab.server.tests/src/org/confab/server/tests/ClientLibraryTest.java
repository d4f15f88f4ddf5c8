package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.ConnectionState;
import org.confab.client.core.ServerTrust;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.server.spi.SessionRegistry;
import org.junit.jupiter.api.Test;

/** The real client library against the real server: what the RCP client and the CLI rely on. */
class ClientLibraryTest extends ServerTestSupport {
    private static final long WAIT = 10;

    /** Records what the server pushes to one client. */
    static final class Inbox implements ClientListener {
        final BlockingQueue<ChatMessage> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Delivered> delivered = new LinkedBlockingQueue<>();
        final BlockingQueue<PresenceEntry> presence = new LinkedBlockingQueue<>();
        final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(ChatMessage message) {
            messages.add(message);
        }

        @Override
        public void onDelivered(Delivered notice) {
            delivered.add(notice);
        }

        @Override
        public void onPresence(PresenceEntry entry) {
            presence.add(entry);
        }

        @Override
        public void onConnectionState(ConnectionState state, String reason) {
            states.add(state);
        }

        ChatMessage nextMessage() throws InterruptedException {
            ChatMessage message = messages.poll(WAIT, TimeUnit.SECONDS);
            assertTrue(message != null, "no message within " + WAIT + " s");
            return message;
        }

        /**
         * The next presence entry for one user. Presence goes to everyone online, so entries for
         * users of tests that ran just before (their logouts are pushed after the gathering delay)
         * may come first; they are skipped, not taken for the one we wait for.
         */
        PresenceEntry awaitPresenceOf(String username) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
            List<String> skipped = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                PresenceEntry entry = presence.poll(100, TimeUnit.MILLISECONDS);
                if (entry == null) {
                    continue;
                }
                if (entry.username().equals(username)) {
                    return entry;
                }
                skipped.add(entry.username());
            }
            throw new AssertionError("no presence of " + username + " within " + WAIT + " s; saw only " + skipped);
        }

        void awaitState(ConnectionState wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
            while (System.nanoTime() < deadline) {
                ConnectionState state = states.poll(100, TimeUnit.MILLISECONDS);
                if (state == wanted) {
                    return;
                }
            }
            throw new AssertionError("never reached " + wanted);
        }
    }

    private static ConfabClient client(Inbox inbox) throws Exception {
        ClientOptions options = ClientOptions.of("127.0.0.1", server().getPort())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofMillis(500))
                .withTrust(ServerTrust.pinned(fingerprint()));
        ConfabClient client = new ConfabClient(options);
        client.addListener(inbox);
        client.connect().get(WAIT, TimeUnit.SECONDS);
        return client;
    }

    @Test
    void registerLoginPresenceLiveMessageAndDelivery() throws Exception {
        String ivy = uniqueName("ivy");
        String jack = uniqueName("jack");
        Inbox ivyInbox = new Inbox();
        Inbox jackInbox = new Inbox();
        try (ConfabClient i = client(ivyInbox); ConfabClient j = client(jackInbox)) {
            i.register(ivy, PASSWORD, "Ivy").get(WAIT, TimeUnit.SECONDS);
            j.register(jack, PASSWORD, "Jack").get(WAIT, TimeUnit.SECONDS);
            assertEquals(ivy, i.login(ivy, PASSWORD).get(WAIT, TimeUnit.SECONDS).username());
            j.login(jack, PASSWORD).get(WAIT, TimeUnit.SECONDS);

            PresenceEntry online = ivyInbox.awaitPresenceOf(jack);
            assertTrue(online.online(), "jack's login is pushed as online");
            assertTrue(i.presence().get(WAIT, TimeUnit.SECONDS).stream().anyMatch(p -> p.username().equals(jack) && p.online()));

            ChatSent sent = i.send(jack, "hi jack").get(WAIT, TimeUnit.SECONDS);
            ChatMessage received = jackInbox.nextMessage();
            assertEquals(sent.messageId(), received.messageId());
            assertEquals("hi jack", received.text());
            Delivered delivered = ivyInbox.delivered.poll(WAIT, TimeUnit.SECONDS);
            assertEquals(List.of(sent.messageId()), delivered.messageIds(), "the library acknowledged automatically");
        }
    }

    @Test
    void offlineMessagesArriveInOrderAtLogin() throws Exception {
        String kim = register("kim");
        String leo = register("leo");
        List<Long> sent = new ArrayList<>();
        try (ConfabClient k = client(new Inbox())) {
            k.login(kim, PASSWORD).get(WAIT, TimeUnit.SECONDS);
            for (int n = 0; n < 3; n++) {
                sent.add(k.send(leo, "while you were out " + n).get(WAIT, TimeUnit.SECONDS).messageId());
            }
        }
        Inbox leoInbox = new Inbox();
        try (ConfabClient l = client(leoInbox)) {
            l.login(leo, PASSWORD).get(WAIT, TimeUnit.SECONDS);
            for (int n = 0; n < 3; n++) {
                assertEquals(sent.get(n), leoInbox.nextMessage().messageId());
            }
        }
    }

    @Test
    void droppedConnectionReconnectsLogsInAgainAndLosesNothing() throws Exception {
        String mia = register("mia");
        String ned = register("ned");
        SessionRegistry registry = Services.await(SessionRegistry.class, 10_000);
        Inbox miaInbox = new Inbox();
        Inbox nedInbox = new Inbox();
        try (ConfabClient m = client(miaInbox); ConfabClient n = client(nedInbox)) {
            m.login(mia, PASSWORD).get(WAIT, TimeUnit.SECONDS);
            n.login(ned, PASSWORD).get(WAIT, TimeUnit.SECONDS);

            registry.sessionsOf(mia).forEach(session -> session.close("SHUTDOWN", "simulated restart"));
            miaInbox.awaitState(ConnectionState.RECONNECTING);
            ChatSent whileAway = m.send(ned, "typed while reconnecting").get(WAIT, TimeUnit.SECONDS);
            miaInbox.awaitState(ConnectionState.CONNECTED);

            ChatMessage received = nedInbox.nextMessage();
            assertEquals(whileAway.messageId(), received.messageId());
            assertEquals("typed while reconnecting", received.text());
            assertTrue(nedInbox.messages.poll(500, TimeUnit.MILLISECONDS) == null, "delivered exactly once");
            assertEquals(1, registry.sessionsOf(mia).size(), "logged in again on a new session");
        }
    }

    @Test
    void aChangedPasswordIsTheOneTheNextReconnectLogsInWith() throws Exception {
        String olga = register("olga");
        SessionRegistry registry = Services.await(SessionRegistry.class, 10_000);
        Inbox inbox = new Inbox();
        try (ConfabClient o = client(inbox)) {
            o.login(olga, PASSWORD).get(WAIT, TimeUnit.SECONDS);
            o.changePassword(PASSWORD, "a fresh new secret").get(WAIT, TimeUnit.SECONDS);
            registry.sessionsOf(olga).forEach(session -> session.close("SHUTDOWN", "simulated restart"));
            inbox.awaitState(ConnectionState.RECONNECTING);
            inbox.awaitState(ConnectionState.CONNECTED);
            o.ping().get(WAIT, TimeUnit.SECONDS);
            assertEquals(1, registry.sessionsOf(olga).size(), "logged in again with the new password");
        }
    }
}
