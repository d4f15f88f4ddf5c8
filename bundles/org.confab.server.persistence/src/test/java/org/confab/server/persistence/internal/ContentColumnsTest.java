package org.confab.server.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.server.api.AttachmentRef;
import org.confab.server.api.MessageContent;
import org.junit.jupiter.api.Test;

class ContentColumnsTest {

    @Test
    void aPlainTextMessageLeavesEveryNewColumnNull() {
        assertEquals(ContentColumns.PLAIN, ContentColumns.of(MessageContent.text("hello")));
        assertEquals(MessageContent.text("hello"), ContentColumns.PLAIN.content("hello"), "rows from before read as text");
    }

    @Test
    void richContentSurvivesTheColumns() {
        MessageContent content = new MessageContent("x.dice", "", "{\"sides\":6}", List.of(
                new AttachmentRef("a-1", "report \"final\".pdf", 2_202_009, "application/pdf"), new AttachmentRef("b", "b", 0, "")));
        ContentColumns columns = ContentColumns.of(content);
        assertEquals("x.dice", columns.kind());
        assertTrue(columns.attachments().startsWith("[{\"id\":\"a-1\""), columns.attachments());
        assertEquals(content, columns.content(""));
    }

    @Test
    void theTextKindIsStoredAsNullEvenWithAttachments() {
        MessageContent content = new MessageContent(MessageContent.TEXT, "see file", MessageContent.NO_METADATA,
                List.of(new AttachmentRef("f", "f.txt", 3, "text/plain")));
        ContentColumns columns = ContentColumns.of(content);
        assertEquals(null, columns.kind());
        assertEquals(null, columns.meta());
        assertEquals(content, columns.content("see file"));
    }
}
