package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.ConnectionState;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.LoginResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatControllerTest {
    private static final long NOW = 1_000_000;

    private final FakeChatSession session = new FakeChatSession();
    private final RecordingAttention attention = new RecordingAttention();
    private final ChatController controller = new ChatController(session, Runnable::run, attention, () -> NOW);

    @BeforeEach
    void start() {
        controller.start();
    }

    @Test
    void messagesPushedBeforeTheLoginAnswerWaitForIt() {
        session.push(message(1, "bob", "offline hello", NOW - 5000));
        assertEquals(0, controller.unread().total());

        logIn();

        assertEquals(1, controller.unread().count("bob"));
        assertEquals(List.of("bob"), attention.shown, "messages from while we were offline open their conversation");
        assertEquals("offline hello", controller.conversation("bob").lines().get(0).text());
    }

    @Test
    void liveMessagesCountAsUnreadUnlessTheConversationIsInView() {
        logIn();
        session.push(message(1, "bob", "one", NOW + 1));
        session.push(message(1, "bob", "one", NOW + 1));
        assertEquals(1, controller.unread().count("bob"), "a redelivered push is counted once");
        assertEquals(List.of(), attention.shown, "live messages do not open conversations by themselves");
        assertEquals(List.of("bob: one"), attention.notified);

        attention.lookingAt = Set.of("carol");
        session.push(message(2, "carol", "two", NOW + 2));
        assertEquals(0, controller.unread().count("carol"));

        controller.viewed("bob");
        assertEquals(0, controller.unread().total());
    }

    @Test
    void sentMessagesFollowTheServersAnswers() {
        logIn();
        controller.send("bob", "hi");
        ConversationModel conversation = controller.conversation("bob");
        assertEquals(DeliveryState.SENDING, conversation.lines().get(0).state());

        session.sends.get(0).complete(new ChatSent(10, NOW, false));
        assertEquals(DeliveryState.STORED, conversation.lines().get(0).state());

        session.pushDelivered(new Delivered("bob", List.of(10L)));
        assertEquals(DeliveryState.DELIVERED, conversation.lines().get(0).state());
    }

    @Test
    void aPluginsKindIsShownWhileSendingAndKeepsItsContentWhenStored() {
        logIn();
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("face", 5);
        controller.send("bob", OutgoingMessage.of("x.dice", "rolled 5", meta, List.of()));
        ChatLine sending = controller.conversation("bob").lines().get(0);
        assertEquals("x.dice", sending.kind());
        assertEquals(5, sending.content().meta().get("face").asInt());
        assertEquals("x.dice", session.sent.get(0).kind(), "the session got the whole message");

        session.sends.get(0).complete(new ChatSent(11, NOW, false));
        ChatLine stored = controller.conversation("bob").lines().get(0);
        assertEquals(DeliveryState.STORED, stored.state());
        assertEquals(sending.content(), stored.content());
        assertEquals(sending.key(), stored.key());
    }

    @Test
    void historyIsLoadedOnceAndOlderPagesOnDemand() {
        logIn();
        controller.loadLatest("bob");
        controller.loadLatest("bob");
        assertEquals(1, session.histories.size(), "one request while the first is under way");
        session.histories.get(0).future().complete(new MessagePage(List.of(message(20, "bob", "x", NOW)), true));

        assertTrue(controller.loadOlder("bob"));
        assertEquals(20L, session.histories.get(1).request().beforeId());
    }

    @Test
    void presenceIsRefreshedAfterLoginAndAfterAReconnect() {
        logIn();
        session.presenceAnswers.get(0).complete(List.of(new PresenceEntry("bob", "Bob", true)));
        assertEquals(1, controller.contacts().onlineCount());

        session.state(ConnectionState.RECONNECTING, "connection reset");
        assertEquals(ConnectionState.RECONNECTING, controller.state());
        assertEquals(0, controller.contacts().onlineCount(), "nobody shown online while we are not");
        assertFalse(controller.contacts().presenceKnown());
        session.state(ConnectionState.CONNECTED, "reconnected");
        assertEquals(2, session.presenceAnswers.size());
        session.presenceAnswers.get(1).complete(List.of(new PresenceEntry("bob", "Bob", true)));
        assertTrue(controller.contacts().presenceKnown());
        assertEquals(1, controller.contacts().onlineCount());
    }

    @Test
    void logoutForgetsTheSession() {
        logIn();
        session.push(message(1, "bob", "one", NOW + 1));
        controller.loggedOut();
        assertEquals(0, controller.unread().total());
        assertTrue(controller.self().isEmpty());
    }

    @Test
    void readMarksGoOutForWhatIsLookedAtAndReceiptsComeBack() {
        session.capabilities = java.util.Map.of(org.confab.protocol.messages.Messages.READ_CAPABILITY, "");
        logIn();
        controller.send("bob", "hi");
        session.sends.get(0).complete(new ChatSent(4, NOW, false));
        session.push(message(5, "bob", "not looking", NOW + 1));
        assertTrue(readRequests().isEmpty(), "a mark for a conversation nobody looks at");

        attention.lookingAt = Set.of("bob");
        session.push(message(6, "bob", "looking", NOW + 2));
        assertEquals(List.of(6L), readRequests());
        session.requests.get(0).future().complete(JsonNodeFactory.instance.objectNode().put("with", "bob")
                .put("read", 6).put("peerRead", 4));
        assertEquals(DeliveryState.READ, controller.conversation("bob").line(4).orElseThrow().state());

        controller.viewed("bob");
        assertEquals(List.of(6L), readRequests(), "an unmoved mark is not sent again");

        controller.send("bob", "more");
        session.sends.get(1).complete(new ChatSent(7, NOW, false));
        session.pushRead(new org.confab.protocol.messages.Messages.ReadMark("bob", "alice", 7));
        assertEquals(DeliveryState.READ, controller.conversation("bob").line(7).orElseThrow().state());
    }

    @Test
    void withReadReceiptsOffNothingGoesOutAndNothingIsShown() {
        session.capabilities = java.util.Map.of(org.confab.protocol.messages.Messages.READ_CAPABILITY, "");
        controller.readReceipts(() -> false);
        logIn();
        controller.send("bob", "hi");
        session.sends.get(0).complete(new ChatSent(4, NOW, false));
        attention.lookingAt = Set.of("bob");
        session.push(message(6, "bob", "looking", NOW + 2));
        controller.viewed("bob");
        session.pushRead(new org.confab.protocol.messages.Messages.ReadMark("bob", "alice", 4));
        assertTrue(readRequests().isEmpty());
        assertEquals(DeliveryState.STORED, controller.conversation("bob").line(4).orElseThrow().state());
    }

    private List<Long> readRequests() {
        return session.requests.stream().filter(r -> r.type().equals("chat.read")).map(r -> r.body().path("upTo").asLong())
                .toList();
    }

    private void logIn() {
        controller.loggedIn(new LoginResult("alice", "Alice", false));
    }

    private static ChatMessage message(long id, String from, String text, long at) {
        return new ChatMessage(id, from, "alice", text, at, "c" + id, false);
    }

    private static final class RecordingAttention implements Attention {
        Set<String> lookingAt = Set.of();
        final List<String> shown = new ArrayList<>();
        final List<String> notified = new ArrayList<>();

        @Override
        public boolean isLookingAt(String peer) {
            return lookingAt.contains(peer);
        }

        @Override
        public void messageArrived(String peer, String senderName, String text) {
            notified.add(peer + ": " + text);
        }

        @Override
        public void showConversation(String peer) {
            shown.add(peer);
        }
    }

    @Test
    void aKickEndsTheSessionWithTheAdministratorsReason() {
        List<ServerNotice> shown = new ArrayList<>();
        controller.addNoticeObserver(shown::add);
        session.listeners.forEach(l -> l.onSessionClosed("KICKED", "please stop flooding"));
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).endsSession());
        assertEquals("An administrator ended your session: please stop flooding.", shown.get(0).text());
    }

    @Test
    void closesTheLibraryRecoversFromAreNotShown() {
        List<ServerNotice> shown = new ArrayList<>();
        controller.addNoticeObserver(shown::add);
        session.listeners.forEach(l -> l.onSessionClosed("SHUTDOWN", "the server is restarting"));
        session.listeners.forEach(l -> l.onSessionClosed("IDLE_TIMEOUT", ""));
        assertTrue(shown.isEmpty(), "the library reconnects by itself after these");
    }

    @Test
    void anAdministratorsNoticeIsShownWithoutEndingTheSession() {
        List<ServerNotice> shown = new ArrayList<>();
        controller.addNoticeObserver(shown::add);
        session.listeners.forEach(l -> l.onAdminNotice(new Notice("root", "Restart at 18:00.", NOW)));
        assertEquals(1, shown.size());
        assertFalse(shown.get(0).endsSession());
        assertTrue(shown.get(0).text().startsWith("Restart at 18:00."));
        assertTrue(shown.get(0).text().contains("root"));
    }
}
