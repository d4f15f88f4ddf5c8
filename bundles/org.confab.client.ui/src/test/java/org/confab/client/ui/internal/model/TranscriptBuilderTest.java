package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.confab.client.ui.internal.model.Timeline.DayRow;
import org.confab.client.ui.internal.model.Transcript.Kind;
import org.junit.jupiter.api.Test;

class TranscriptBuilderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final Timeline timeline = new Timeline(ZoneOffset.UTC, Locale.ENGLISH);
    private final TranscriptBuilder builder = new TranscriptBuilder(timeline, name -> name.equals("bob") ? "Bob" : name);

    @Test
    void daySeparatorBeforeEachNewDay() {
        List<ChatLine> lines = List.of(peer(1, "old", at(2026, 11, 20, 9, 0)), peer(2, "y1", at(2026, 11, 23, 22, 0)),
                peer(3, "y2", at(2026, 11, 23, 23, 0)), own(4, "t", at(2026, 11, 24, 8, 5), DeliveryState.STORED));

        List<String> days = timeline.rows(lines, TODAY).stream().filter(DayRow.class::isInstance)
                .map(row -> ((DayRow) row).label()).toList();

        assertEquals(List.of("Friday, 20 November 2026", "Yesterday", "Today"), days);
    }

    @Test
    void headersShowSenderTimeAndTheStateOfOwnMessages() {
        Transcript transcript = builder.build(List.of(peer(1, "Hi Alice", at(2026, 11, 24, 9, 30)),
                own(2, "Hi Bob", at(2026, 11, 24, 9, 31), DeliveryState.DELIVERED),
                own(0, "on its way", at(2026, 11, 24, 9, 32), DeliveryState.SENDING)), TODAY);

        assertEquals("""
                \u2014 Today \u2014
                Bob  09:30
                Hi Alice
                You  09:31  \u2713\u2713 delivered
                Hi Bob
                You  09:32  \u25CB sending
                on its way""", transcript.text());
        assertEquals(List.of(Kind.DAY, Kind.PEER_HEADER, Kind.PEER_BODY, Kind.OWN_HEADER, Kind.OWN_BODY,
                Kind.OWN_HEADER, Kind.OWN_BODY), transcript.lines());
        assertEquals(transcript.text().indexOf("Bob  09:30"), transcript.messageOffsets().get(1L));
        assertEquals(2, transcript.messageOffsets().size(), "messages not stored yet have no id to jump to");
    }

    @Test
    void multiLineMessagesKeepTheirLines() {
        Transcript transcript = builder.build(List.of(peer(1, "one\ntwo", at(2026, 11, 24, 9, 30))), TODAY);
        assertTrue(transcript.text().endsWith("one\ntwo"));
        assertEquals(4, transcript.lines().size());
    }

    @Test
    void failedMessagesSayWhy() {
        ChatLine failed = new ChatLine(0, "c", "alice", "x", 0, true, DeliveryState.FAILED, "logged out");
        assertEquals("\u26A0 not sent: logged out", TranscriptBuilder.stateLabel(failed));
        assertTrue(builder.build(List.of(failed), TODAY).spans().stream().anyMatch(s -> s.kind() == Kind.FAILED));
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
