package org.confab.filetransfer.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The row's texts and buttons per state, and the progress texts, without widgets. */
class RowsAndRatesTest {
    private static final FileOffer INCOMING = new FileOffer(Optional.of("abcdefghijklmnop"), "report.pdf", 2_500_000,
            "alice", "Alice", false);
    private static final FileOffer OWN = new FileOffer(Optional.of("abcdefghijklmnop"), "report.pdf", 2_500_000, "bob",
            "You", true);

    @Test
    void anOfferToMeCanBeAcceptedOrDeclinedAndOpenedOnceSaved() {
        Transfer offered = Transfer.UNKNOWN.withState(FileState.OFFERED).withPeer("alice");
        RowState row = RowState.of(INCOMING, offered, true, Optional.empty());
        assertEquals("Offered to you", row.text());
        assertTrue(row.canAccept() && row.canDecline() && !row.canOpen());

        RowState running = RowState.of(INCOMING, offered.running("1.0 MB of 2.5 MB"), true, Optional.empty());
        assertEquals("Downloading: 1.0 MB of 2.5 MB", running.text());
        assertFalse(running.canAccept() || running.canDecline());

        RowState saved = RowState.of(INCOMING, offered.saved(Path.of("/tmp/report.pdf")), true, Optional.empty());
        assertEquals("Saved as /tmp/report.pdf", saved.text());
        assertTrue(saved.canOpen() && !saved.canAccept());

        RowState cancelled = RowState.of(INCOMING, offered.withState(FileState.ACCEPTED)
                .stopped(Optional.of("Cancelled; accept again to resume.")), true, Optional.empty());
        assertEquals("Cancelled; accept again to resume.", cancelled.text());
        assertTrue(cancelled.canAccept());

        assertEquals("Declined", RowState.of(INCOMING, offered.withState(FileState.DECLINED), true, Optional.empty()).text());
        assertTrue(RowState.of(INCOMING, Transfer.UNKNOWN, true, Optional.empty()).text().startsWith("No longer offered"));
        assertTrue(RowState.of(INCOMING, Transfer.UNKNOWN, false, Optional.empty()).text().startsWith("Checking"));
    }

    @Test
    void theSenderSeesHowFarTheRecipientGot() {
        Transfer sent = Transfer.UNKNOWN.withPeer("carol");
        assertEquals("Offered to carol; waiting for them to accept", RowState.of(OWN, sent, true, Optional.empty()).text());
        assertEquals("carol accepted; downloading",
                RowState.of(OWN, sent.withState(FileState.ACCEPTED), true, Optional.empty()).text());
        assertEquals("carol downloaded it",
                RowState.of(OWN, sent.withState(FileState.DOWNLOADED), true, Optional.empty()).text());
        assertEquals("carol declined it", RowState.of(OWN, sent.withState(FileState.DECLINED), true, Optional.empty()).text());
        RowState own = RowState.of(OWN, sent, true, Optional.empty());
        assertFalse(own.canAccept() || own.canDecline() || own.canOpen());
    }

    @Test
    void aFinalStateIsNotUndoneByALateMessageAndNoServerPluginMeansNoButtons() {
        Transfer done = Transfer.UNKNOWN.withState(FileState.DOWNLOADED).withState(FileState.ACCEPTED);
        assertEquals(Optional.of(FileState.DOWNLOADED), done.state());
        RowState row = RowState.of(INCOMING, Transfer.UNKNOWN.withState(FileState.OFFERED), true,
                Optional.of("The server has no file-transfer plugin."));
        assertEquals("The server has no file-transfer plugin.", row.text());
        assertFalse(row.canAccept());
        assertEquals(Optional.of(FileState.ACCEPTED), FileState.parse(" accepted"));
        assertEquals(Optional.empty(), FileState.parse("exploded"));
    }

    @Test
    void namesFromTheNetworkAreShownPrintable() {
        assertEquals("evil\uFFFDfdp.exe", FileOffer.printable("evil\u202Efdp.exe"));
        assertEquals("a\uFFFDb", FileOffer.printable("a\nb"));
        assertEquals("file", FileOffer.printable(""));
        assertEquals(121, FileOffer.printable("x".repeat(10_000)).length());
    }

    @Test
    void progressSaysSpeedAndTimeLeft() {
        TransferRate rate = new TransferRate();
        rate.sample(0, 0);
        assertEquals("0 bytes of 10 MB", rate.describe(0, 10_000_000, 0));
        rate.sample(2_000_000_000L, 4_000_000);
        assertEquals(2_000_000, rate.bytesPerSecond(), 1);
        assertEquals("4.0 MB of 10 MB, 2.0 MB/s, 3 s left", rate.describe(4_000_000, 10_000_000, 0));
        assertEquals("4.0 MB of 10 MB, 2.0 MB/s, 3 s left (resumed at 1.0 MB)",
                rate.describe(4_000_000, 10_000_000, 1_000_000));
        assertEquals("1 min 5 s", Sizes.duration(65));
        assertEquals("2 h 0 min", Sizes.duration(7200));
        assertEquals("999 bytes", Sizes.bytes(999));
        assertEquals("1.0 KB", Sizes.bytes(1000));
        assertEquals("4.3 GB", Sizes.bytes(4_294_967_296L));
    }
}
