package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.MessagePage;
import org.junit.jupiter.api.Test;

class ConversationModelTest {
    private final ConversationModel conversation = new ConversationModel("alice", "bob");

    @Test
    void ownMessageGoesFromSendingToStoredToDelivered() {
        conversation.addSending("c1", "hello", 1000);
        assertEquals(DeliveryState.SENDING, only().state());

        conversation.stored("c1", new ChatSent(41, 2000, false));
        assertEquals(DeliveryState.STORED, only().state());
        assertEquals(41, only().messageId());
        assertEquals(2000, only().timestamp(), "the server's time replaces the local one");

        conversation.delivered(List.of(41L));
        assertEquals(DeliveryState.DELIVERED, only().state());
    }

    @Test
    void receiptThatOvertakesTheSendAcknowledgementIsKept() {
        conversation.addSending("c1", "hello", 1000);
        conversation.delivered(List.of(41L));
        conversation.stored("c1", new ChatSent(41, 2000, false));

        assertEquals(DeliveryState.DELIVERED, only().state());
    }

    @Test
    void failedSendStaysVisibleWithItsReason() {
        conversation.addSending("c1", "hello", 1000);
        conversation.failed("c1", "logged out");

        assertEquals(DeliveryState.FAILED, only().state());
        assertEquals("logged out", only().problem());
    }

    @Test
    void pushedMessagesAreDeduplicatedAndOrderedById() {
        assertTrue(conversation.received(peer(7, "second")));
        assertTrue(conversation.received(peer(5, "first")));
        assertFalse(conversation.received(peer(7, "second")), "at-least-once pushes arrive twice");

        assertEquals(List.of("first", "second"), texts());
    }

    @Test
    void pendingMessagesFollowStoredOnes() {
        conversation.addSending("c1", "mine", 1000);
        conversation.received(peer(5, "theirs"));

        assertEquals(List.of("theirs", "mine"), texts());
    }

    @Test
    void historyPageReplacesAPendingCopyOfTheSameMessage() {
        conversation.addSending("c1", "mine", 1000);
        conversation.addPage(new MessagePage(List.of(
                new ChatMessage(9, "alice", "bob", "mine", 2000, "c1", true)), false), false);

        assertEquals(1, conversation.lines().size());
        assertEquals(DeliveryState.DELIVERED, only().state());
        assertTrue(only().own());
    }

    @Test
    void olderPagesAreMergedAndTellWhetherMoreExist() {
        conversation.addPage(new MessagePage(List.of(peer(10, "ten"), peer(9, "nine")), true), false);
        assertTrue(conversation.olderAvailable());
        assertEquals(9, conversation.oldestId().getAsLong());

        conversation.addPage(new MessagePage(List.of(peer(8, "eight")), false), true);
        assertFalse(conversation.olderAvailable());
        assertEquals(List.of("eight", "nine", "ten"), texts());
    }

    @Test
    void historyNeverDowngradesADeliveredMessage() {
        conversation.addSending("c1", "mine", 1000);
        conversation.stored("c1", new ChatSent(3, 2000, false));
        conversation.delivered(List.of(3L));
        conversation.addPage(new MessagePage(List.of(new ChatMessage(3, "alice", "bob", "mine", 2000, "c1", false)),
                false), false);

        assertEquals(DeliveryState.DELIVERED, only().state());
    }

    @Test
    void observersHearEveryChange() {
        int[] calls = { 0 };
        conversation.addObserver(() -> calls[0]++);
        conversation.addSending("c1", "x", 1);
        conversation.stored("c1", new ChatSent(1, 2, false));
        conversation.received(peer(2, "y"));

        assertEquals(3, calls[0]);
    }

    @Test
    void aReadMarkMarksOwnMessagesUpToItAndThoseLoadedLater() {
        conversation.addSending("c1", "one", 1000);
        conversation.stored("c1", new ChatSent(41, 2000, false));
        conversation.delivered(List.of(41L));
        conversation.received(peer(42, "reply"));
        conversation.readByPeer(45);
        assertEquals(DeliveryState.READ, conversation.line(41).orElseThrow().state());
        assertEquals(DeliveryState.RECEIVED, conversation.line(42).orElseThrow().state());
        assertEquals(42, conversation.newestReceivedId());

        conversation.delivered(List.of(41L));
        assertEquals(DeliveryState.READ, conversation.line(41).orElseThrow().state(), "a late delivery does not undo read");
        conversation.addPage(new MessagePage(List.of(new ChatMessage(40, "alice", "bob", "older", 900, "c0", true)), false), true);
        assertEquals(DeliveryState.READ, conversation.line(40).orElseThrow().state());
        conversation.addSending("c2", "after", 3000);
        conversation.stored("c2", new ChatSent(50, 3000, false));
        assertEquals(DeliveryState.STORED, conversation.line(50).orElseThrow().state());
        conversation.readByPeer(44);
        assertEquals(DeliveryState.STORED, conversation.line(50).orElseThrow().state(), "marks never move back");
    }

    private ChatLine only() {
        assertEquals(1, conversation.lines().size());
        return conversation.lines().get(0);
    }

    private List<String> texts() {
        return conversation.lines().stream().map(ChatLine::text).toList();
    }

    private static ChatMessage peer(long id, String text) {
        return new ChatMessage(id, "bob", "alice", text, 1000 * id, "b" + id, false);
    }
}
