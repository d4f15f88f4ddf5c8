package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.confab.client.ui.internal.model.TranscriptRows.Day;
import org.confab.client.ui.internal.model.TranscriptRows.Message;
import org.confab.client.ui.internal.model.TranscriptRows.Row;
import org.confab.protocol.messages.Messages.ChatSent;
import org.junit.jupiter.api.Test;

class TranscriptRowsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final Timeline timeline = new Timeline(ZoneOffset.UTC, Locale.ENGLISH);
    private final TranscriptRows builder = new TranscriptRows(timeline, name -> name.equals("bob") ? "Bob" : name);

    @Test
    void daySeparatorBeforeEachNewDay() {
        List<ChatLine> lines = List.of(peer(1, "old", at(2026, 11, 20, 9, 0)), peer(2, "y1", at(2026, 11, 23, 22, 0)),
                peer(3, "y2", at(2026, 11, 23, 23, 0)), own(4, "t", at(2026, 11, 24, 8, 5), DeliveryState.STORED));

        List<String> days = builder.build(lines, TODAY).stream().filter(Day.class::isInstance)
                .map(row -> ((Day) row).label()).toList();

        assertEquals(List.of("Friday, 20 November 2026", "Yesterday", "Today"), days);
    }

    @Test
    void headersShowSenderTimeAndTheStateOfOwnMessages() {
        List<Row> rows = builder.build(List.of(peer(1, "Hi Alice", at(2026, 11, 24, 9, 30)),
                own(2, "Hi Bob", at(2026, 11, 24, 9, 31), DeliveryState.DELIVERED),
                own(0, "on its way", at(2026, 11, 24, 9, 32), DeliveryState.SENDING)), TODAY);

        assertEquals(List.of("\u2014 Today \u2014", "Bob  09:30\nHi Alice", "You  09:31  \u2713\u2713 delivered\nHi Bob",
                "You  09:32  \u25CB sending\non its way"), rows.stream().map(Row::text).toList());
        assertInstanceOf(Day.class, rows.get(0));
        assertTrue(((Message) rows.get(2)).line().own());
    }

    @Test
    void anOwnMessageKeepsItsRowFromSendingToStored() {
        ConversationModel conversation = new ConversationModel("alice", "bob");
        conversation.addSending("c1", "hello", at(2026, 11, 24, 9, 0));
        String sending = builder.build(conversation.lines(), TODAY).get(1).key();

        conversation.stored("c1", new ChatSent(41, at(2026, 11, 24, 9, 0), false));
        Message stored = (Message) builder.build(conversation.lines(), TODAY).get(1);

        assertEquals(sending, stored.key(), "the row is updated, not replaced");
        assertEquals(41, stored.line().messageId());
    }

    @Test
    void failedMessagesSayWhy() {
        ChatLine failed = new ChatLine(0, "c", "alice", "x", 0, true, DeliveryState.FAILED, "logged out");
        assertEquals("\u26A0 not sent: logged out", TranscriptRows.stateLabel(failed));
        Message row = (Message) builder.build(List.of(failed), TODAY).get(1);
        assertTrue(row.failed());
    }

    @Test
    void aKindWithoutRendererHasAReadableFallback() {
        ChatLine dice = new ChatLine(7, null, "bob", new Content("x.dice", "rolled 4", null, null), at(2026, 11, 24, 9, 0),
                false, DeliveryState.RECEIVED, "");
        Message row = (Message) builder.build(List.of(dice), TODAY).get(1);

        assertEquals("Bob sent a x.dice message this client cannot show", row.fallback());
        assertEquals("x.dice", row.line().kind());
        assertTrue(row.line().content().meta().isEmpty(), "no metadata reads as an empty object");
    }

    private static long at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static ChatLine peer(long id, String text, long at) {
        return new ChatLine(id, null, "bob", text, at, false, DeliveryState.RECEIVED, "");
    }

    private static ChatLine own(long id, String text, long at, DeliveryState state) {
        return new ChatLine(id, "c" + id, "alice", text, at, true, state, "");
    }
}
