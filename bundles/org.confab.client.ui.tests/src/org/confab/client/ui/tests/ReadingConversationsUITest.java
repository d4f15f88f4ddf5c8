package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.all;
import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.ui.internal.views.ConversationEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading and answering in a conversation: links open in the browser (web and mail links only), the
 * message menu copies, copies a link and quotes into the composer, multi-line and right-to-left
 * messages keep their side through relayouts, and the composer counts down to the limit.
 */
class ReadingConversationsUITest {
    private static final String PASSWORD = "reading lamp harbour";
    private static final String LINK = "https://example.org/guide?page=2";
    private static final String ARABIC = "\u0645\u0631\u062D\u0628\u0627\u060C \u0647\u0644 \u0627\u0644\u062A\u0642\u0631\u064A\u0631 \u062C\u0627\u0647\u0632\u061F";

    private static AliceAndBob cast;
    private static ConversationEditor conversation;
    private static final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void aliceReadsBob() throws Exception {
        cast = AliceAndBob.bobLoggedIn(PASSWORD, "Alice Reader", "Bob Writer");
        cast.bobLibrary.send(cast.alice, "Read " + LINK + ", then file:///etc/passwd, and write to mailto:bob@example.org.")
                .get(10, TimeUnit.SECONDS);
        cast.bobLibrary.send(cast.alice, ARABIC).get(10, TimeUnit.SECONDS);

        cast.aliceLogsIn();
        conversation = cast.aliceOpensBob();
        run(() -> conversation.openLinksWith(opened::add));
        waitUntil("Bob's messages", () -> conversation.transcriptText().contains(ARABIC));
    }

    @AfterAll
    static void logOutAgain() {
        AliceAndBob.leave(cast);
    }

    @Test
    void aClickOnAWebLinkOpensItAndOtherSchemesAreNotLinks() {
        StyledText text = messageText("example.org/guide");
        String shown = ui(text::getText);
        List<String> links = ui(() -> Arrays.stream(text.getStyleRanges()).filter(style -> style.underline)
                .map(style -> shown.substring(style.start, style.start + style.length)).toList());
        assertEquals(List.of(LINK, "mailto:bob@example.org"), links, "the underlined links");

        click(text, shown.indexOf("passwd"));
        click(text, shown.indexOf("Read"));
        assertEquals(List.of(), opened, "a click beside the links opened something");
        click(text, shown.indexOf(LINK) + 10);
        assertEquals(List.of(LINK), opened);
        run(() -> text.setSelection(0, 4));
        click(text, shown.indexOf("mailto") + 3);
        assertEquals(List.of(LINK), opened, "the click that ended a selection opened the link");
        run(() -> text.setSelection(0));
        click(text, shown.indexOf("mailto") + 3);
        assertEquals(List.of(LINK, "mailto:bob@example.org"), opened);
    }

    @Test
    void theMessageMenuCopiesCopiesTheLinkAndQuotes() {
        StyledText text = messageText("example.org/guide");
        String shown = ui(text::getText);
        run(() -> conversation.composer().setText("my answer"));

        assertEquals(List.of("&Copy Message", "Copy &Link", "", "&Reply with Quote"), menuLabels(text, shown.indexOf("mailto")));
        choose(text, shown.indexOf("mailto"), "Copy &Link");
        assertEquals("mailto:bob@example.org", clipboard());
        choose(text, shown.indexOf("Read"), "Copy &Link");
        assertEquals(LINK, clipboard(), "away from a link, Copy Link takes the message's first");
        choose(text, shown.indexOf("Read"), "&Copy Message");
        assertEquals(shown, clipboard());
        run(() -> text.setSelection(0, 4));
        choose(text, 0, "&Copy");
        assertEquals("Read", clipboard());
        run(() -> text.setSelection(0));

        choose(text, 0, "&Reply with Quote");
        assertEquals("> Bob Writer wrote:\n> " + shown + "\nmy answer", ui(() -> conversation.composer().getText()));
        StyledText arabic = messageText(ARABIC);
        assertFalse(ui(() -> menuItem(openMenu(arabic, 0), "Copy &Link").getEnabled()), "Copy Link without a link");
        run(() -> conversation.composer().setText(""));
    }

    @Test
    void rightToLeftAndMultiLineMessagesKeepTheirSideThroughRelayouts() throws Exception {
        StyledText arabic = messageText(ARABIC);
        assertEquals(SWT.RIGHT_TO_LEFT, (int) ui(arabic::getOrientation));
        String own = "first line of mine\nsecond, a little longer line\nthird";
        run(() -> {
            conversation.composer().setText(own);
            conversation.send();
        });
        StyledText mine = messageText("second, a little");
        assertEquals(SWT.LEFT_TO_RIGHT, (int) ui(mine::getOrientation));
        assertEquals(List.of(0), lineStarts(mine), "own lines start at different places");

        Shell shell = ui(() -> Sessions.window().getShell());
        Point size = ui(shell::getSize);
        run(() -> shell.setSize(900, 700));
        cast.bobLibrary.send(cast.alice, "one more to relayout the transcript").get(10, TimeUnit.SECONDS);
        waitUntil("the new message", () -> conversation.transcriptText().contains("one more to relayout"));
        run(() -> shell.setSize(size));
        waitUntil("the window's old size", () -> shell.getSize().equals(size));

        StyledText after = messageText(ARABIC);
        scrollIntoView(after);
        assertEquals(SWT.RIGHT_TO_LEFT, (int) ui(after::getOrientation));
        int[] ink = Ui.ink(after);
        assertTrue(ink[0] > ink[2] / 2, "the Arabic message is not drawn on the right: ink from x=" + ink[0] + " to "
                + ink[1] + " of " + ink[2]);
        StyledText mineAfter = messageText("second, a little");
        scrollIntoView(mineAfter);
        assertEquals(List.of(0), lineStarts(mineAfter), "own lines after the relayout");
        int[] ownInk = Ui.ink(mineAfter);
        assertTrue(ownInk[0] < ownInk[2] / 8, "own lines are not drawn from the left: ink from x=" + ownInk[0] + " of " + ownInk[2]);
    }

    @Test
    void theComposerCountsDownAndTheTooLongErrorGoesWithTheText() {
        run(() -> conversation.composer().setText("a".repeat(7000)));
        assertEquals("", ui(conversation::counterText), "the counter far from the limit");
        run(() -> conversation.composer().setText("a".repeat(7300)));
        assertEquals("700 characters left", ui(conversation::counterText));
        run(() -> conversation.composer().setText("a".repeat(8010)));
        assertEquals("10 characters too long (at most 8000)", ui(conversation::counterText));
        run(conversation::send);
        assertTrue(ui(conversation::problemText).contains("too long"), ui(conversation::problemText));
        assertEquals(8010, (int) ui(() -> conversation.composer().getText().length()), "the text was kept");

        run(() -> conversation.composer().setText("a".repeat(7990)));
        assertEquals("", ui(conversation::problemText), "the error stayed after the text fit again");
        assertEquals("10 characters left", ui(conversation::counterText));
        run(() -> conversation.composer().setText(""));
        assertEquals("", ui(conversation::counterText));
    }

    /** Scrolls the transcript until the row's text is in view, as the reader would: the screen is read back there. */
    private static void scrollIntoView(StyledText text) {
        run(() -> {
            org.eclipse.swt.widgets.Composite parent = text.getParent();
            while (!(parent instanceof org.eclipse.swt.custom.ScrolledComposite)) {
                parent = parent.getParent();
            }
            ((org.eclipse.swt.custom.ScrolledComposite) parent).showControl(text);
        });
    }

    /** The text part of the message row that contains {@code part}, once it is shown. */
    private static StyledText messageText(String part) {
        return await("a message with " + part, () -> all(Sessions.window().getShell(), StyledText.class, "conversation.row.text")
                .stream().filter(text -> text.getText().contains(part)).findFirst());
    }

    /** A left click on the character at an offset, as the mouse would send it. */
    private static void click(StyledText text, int offset) {
        run(() -> {
            Point at = text.getLocationAtOffset(offset);
            Event up = new Event();
            up.button = 1;
            up.x = at.x + 2;
            up.y = at.y + text.getLineHeight() / 2;
            text.notifyListeners(SWT.MouseUp, up);
        });
    }

    /** Opens the text's menu with the pointer on a character and returns the items' labels. */
    private static List<String> menuLabels(StyledText text, int offset) {
        return ui(() -> Arrays.stream(openMenu(text, offset).getItems()).map(MenuItem::getText).toList());
    }

    private static void choose(StyledText text, int offset, String label) {
        run(() -> Ui.click(menuItem(openMenu(text, offset), label)));
    }

    /** What a right click does before the menu shows: MenuDetect at the pointer, then the menu's Show. Display thread. */
    private static Menu openMenu(StyledText text, int offset) {
        Point at = text.toDisplay(text.getLocationAtOffset(offset));
        Event detect = new Event();
        detect.detail = SWT.MENU_MOUSE;
        detect.x = at.x + 2;
        detect.y = at.y + text.getLineHeight() / 2;
        text.notifyListeners(SWT.MenuDetect, detect);
        Menu menu = text.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        return menu;
    }

    private static MenuItem menuItem(Menu menu, String label) {
        return Arrays.stream(menu.getItems()).filter(item -> label.equals(item.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no menu item " + label));
    }

    private static String clipboard() {
        return ui(() -> {
            Clipboard clipboard = new Clipboard(Ui.display());
            try {
                return (String) clipboard.getContents(TextTransfer.getInstance());
            } finally {
                clipboard.dispose();
            }
        });
    }

    /** The distinct x positions where the text's lines start. */
    private static List<Integer> lineStarts(StyledText text) {
        return ui(() -> {
            String content = text.getText();
            List<Integer> starts = new java.util.ArrayList<>();
            for (int line = 0; line < text.getLineCount(); line++) {
                int x = text.getLocationAtOffset(text.getOffsetAtLine(line)).x - text.getLeftMargin();
                if (!starts.contains(x)) {
                    starts.add(x);
                }
            }
            return content.isEmpty() ? List.of() : starts;
        });
    }
}
