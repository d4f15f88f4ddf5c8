package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.HistoryView;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat gets the room: with the perspective's default layout a conversation shows at least a
 * dozen lines of chat above a three-line composer, on a large screen and in a small window; search
 * hits in long messages show the text around them.
 */
class LayoutUITest {
    private static final String PASSWORD = "layout meadow pencil";

    private static AliceAndBob cast;
    private static Point originalSize;

    @BeforeAll
    static void logIn() throws Exception {
        cast = AliceAndBob.bobLoggedIn(PASSWORD, "Alice Layout", "Bob Layout");
        cast.aliceLogsIn();
        originalSize = ui(() -> Sessions.window().getShell().getSize());
    }

    @AfterAll
    static void logOutAgain() {
        run(() -> Sessions.window().getShell().setSize(originalSize));
        AliceAndBob.leave(cast);
    }

    @Test
    void aConversationShowsADozenLinesAndMoreInTheDefaultLayout() {
        for (Point size : new Point[] { new Point(1600, 1000), new Point(1024, 640) }) {
            ConversationEditor conversation = defaultLayout(size);
            int lines = ui(() -> {
                ScrolledComposite transcript = widget(Sessions.window().getShell(), ScrolledComposite.class,
                        "conversation.transcript");
                return transcript.getClientArea().height / lineHeight(transcript);
            });
            assertTrue(lines >= 12, "at " + size + " the transcript has room for " + lines + " lines");
            int composerLines = ui(() -> conversation.composer().getClientArea().height
                    / conversation.composer().getLineHeight());
            assertTrue(composerLines >= 3, "at " + size + " the composer shows " + composerLines + " lines");
            System.out.println("layout at " + size.x + "x" + size.y + ": " + lines + " lines of chat, composer "
                    + composerLines + " lines");
            run(() -> Ui.screenshot(Sessions.window().getShell(), "client-layout-" + size.x + "x" + size.y));
        }
    }

    @Test
    void searchHitsInLongMessagesShowTheTextAroundThem() throws Exception {
        String word = "quokka" + TestServer.newUsername("");
        String text = "Before the meeting we went through the whole quarterly plan, line by line, twice, and then "
                + "again; somewhere in the middle Dana said the " + word + " budget is fine, after which the "
                + "discussion went on for another hour about rooms, chairs, coffee and the lack of windows.";
        cast.bobLibrary.send(cast.alice, text).get(10, TimeUnit.SECONDS);
        HistoryView history = ui(() -> (HistoryView) Sessions.window().getActivePage().showView(HistoryView.ID));
        run(() -> history.search(word));
        waitUntil("the hit", () -> history.shown().size() == 1);
        String shown = ui(() -> widget(Sessions.window().getShell(), Table.class, "history.table").getItem(0).getText(3));
        assertTrue(shown.startsWith("\u2026") && shown.endsWith("\u2026"), "not a snippet: " + shown);
        assertTrue(shown.contains("Dana said the " + word + " budget is fine"), "no context around the hit: " + shown);
        assertEquals(-1, shown.indexOf("Before the meeting"), shown);
    }

    /** Resets the Chat perspective to its defaults at a window size and opens a conversation. */
    private static ConversationEditor defaultLayout(Point size) {
        Shell shell = ui(() -> Sessions.window().getShell());
        run(() -> {
            shell.setSize(size);
            Sessions.window().getActivePage().resetPerspective();
        });
        waitUntil("the window at " + size, () -> shell.getSize().equals(size));
        ConversationEditor conversation = cast.aliceOpensBob();
        run(() -> shell.layout(true, true));
        return conversation;
    }

    private static int lineHeight(ScrolledComposite transcript) {
        GC gc = new GC(transcript);
        try {
            return gc.getFontMetrics().getHeight();
        } finally {
            gc.dispose();
        }
    }
}
