package org.confab.client.ui.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.confab.client.ui.internal.model.Highlights.Range;
import org.confab.client.ui.internal.model.Highlights.Snippet;
import org.confab.client.ui.internal.model.Links.Link;
import org.junit.jupiter.api.Test;

/** What the conversation view reads in a message's text: links, direction, quotes; the counter and search context. */
class MessageTextTest {
    @Test
    void linksAreFoundWithoutTheSentenceAroundThem() {
        String text = "See https://example.org/a?b=1. Or (http://intranet.local/wiki_(page)) and mailto:bob@example.org!";
        List<Link> links = Links.find(text);
        assertEquals(List.of("https://example.org/a?b=1", "http://intranet.local/wiki_(page)", "mailto:bob@example.org"),
                links.stream().map(Link::target).toList());
        assertEquals(text.indexOf("https"), links.get(0).start());
        assertEquals(Optional.of(links.get(1)), Links.at(text, text.indexOf("intranet")));
        assertEquals(Optional.empty(), Links.at(text, 0));
    }

    @Test
    void onlyWebAndMailLinksOpen() {
        assertEquals(List.of(), Links.find("file:///etc/passwd javascript:alert(1) ftp://host/x smb://server/share"));
        assertEquals(List.of(), Links.find("http:// and https://?q and mailto:nobody"));
        assertFalse(Links.opensSafely("HTTPS://"));
        assertTrue(Links.opensSafely("HTTPS://Example.org"));
        assertEquals(List.of(), Links.find(null));
    }

    @Test
    void rightToLeftIsDecidedByTheFirstStrongLetter() {
        assertTrue(TextDirection.rightToLeft("\u0645\u0631\u062D\u0628\u0627 hello"));
        assertTrue(TextDirection.rightToLeft("12: \u05E9\u05DC\u05D5\u05DD"));
        assertFalse(TextDirection.rightToLeft("hello \u0645\u0631\u062D\u0628\u0627"));
        assertFalse(TextDirection.rightToLeft("\uD83C\uDF89 42"));
        assertFalse(TextDirection.rightToLeft(""));
    }

    @Test
    void quotesNameTheWriterAndMarkEveryLine() {
        assertEquals("> Bob wrote:\n> first\n>\n> third\n", Quotes.reply("Bob", " first\n\nthird \n"));
        String quoted = Quotes.reply("Bob", "x".repeat(2000));
        assertTrue(quoted.endsWith("\u2026\n") && quoted.length() < Quotes.MAX_QUOTED + 40, quoted);
    }

    @Test
    void theCounterSpeaksNearTheLimitAndSaysByHowMuchTooLong() {
        ComposerLimit limit = new ComposerLimit(8000);
        assertEquals(Optional.empty(), limit.count("a".repeat(7199)));
        assertEquals("800 characters left", limit.count("a".repeat(7200)).orElseThrow().text());
        assertEquals("0 characters left", limit.count("a".repeat(8000) + "  \n").orElseThrow().text());
        ComposerLimit.Count over = limit.count("a".repeat(8012)).orElseThrow();
        assertTrue(over.over());
        assertEquals("12 characters too long (at most 8000)", over.text());
        assertTrue(limit.tooLong("a".repeat(8001)));
        assertFalse(limit.tooLong("a".repeat(8000)));
    }

    @Test
    void searchHitsShowTheirContext() {
        String text = "The quarterly report is late again because the numbers from the north office never arrived; "
                + "ask Dana about the wombat budget before Friday, then\nsend it to finance.";
        Snippet snippet = Highlights.snippet(text, "WOMBAT", 30, 80);
        assertTrue(snippet.text().startsWith("\u2026"), snippet.text());
        assertTrue(snippet.text().contains("ask Dana about the wombat budget"), snippet.text());
        assertTrue(snippet.text().endsWith("\u2026"), snippet.text());
        Range hit = snippet.ranges().get(0);
        assertEquals("wombat", snippet.text().substring(hit.start(), hit.start() + hit.length()));
        Snippet whole = Highlights.snippet("short wombat\nline", "wombat", 30, 80);
        assertEquals("short wombat line", whole.text());
        assertEquals(List.of(new Range(6, 6)), whole.ranges());
    }
}
