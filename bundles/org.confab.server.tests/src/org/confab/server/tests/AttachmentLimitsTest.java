package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.Frame;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.AttachmentMessages.Begin;
import org.confab.protocol.messages.AttachmentMessages.BeginOk;
import org.confab.protocol.messages.AttachmentMessages.FileEntry;
import org.confab.protocol.messages.AttachmentMessages.FilePage;
import org.confab.protocol.messages.AttachmentMessages.FileQuery;
import org.confab.protocol.messages.AttachmentMessages.Ref;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.FileTransferMessages;
import org.confab.protocol.messages.FileTransferMessages.FileRef;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AuditEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The refusals with clear errors (per-file limit, quota, disk floor), what administrators see and may
 * delete (audited), files going with a deleted account, and expiry after the retention.
 */
class AttachmentLimitsTest extends AttachmentTestSupport {

    @AfterEach
    void defaults() throws Exception {
        restoreDefaults();
    }

    private static Frame declare(TestClient client, long size) throws Exception {
        return client.request(AttachmentMessages.BEGIN, new Begin("huge.iso", size, sha256(random(8)), null));
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithFileTooLargeSayingTheLimit() throws Exception {
        String alice = register("alice");
        try (TestClient a = loggedIn(alice)) {
            Frame refused = declare(a, (4L << 30) + 1);
            assertEquals("FILE_TOO_LARGE", errorCode(a, refused));
            assertTrue(refused.body().get("message").textValue().contains(String.valueOf(4L << 30)), refused.toString());
            configure(Map.of("maxFileBytes", 1000L));
            eventually("the new limit applies", quietly(() -> "error".equals(declare(a, 1001).type())));
            assertEquals("FILE_TOO_LARGE", errorCode(a, declare(a, 1001)));
            assertEquals("attach.begin.ok", declare(a, 1000).type());
        }
    }

    @Test
    void theQuotaCountsEveryStoredAndUnfinishedUploadOfTheUser() throws Exception {
        String alice = register("alice");
        String probe = register("probe");
        configure(Map.of("quotaBytes", 250_000L));
        try (TestClient a = loggedIn(alice); TestClient p = loggedIn(probe)) {
            // asked as another user: an upload begun before the quota applied would count against alice's
            eventually("the quota applies", quietly(() -> "error".equals(declare(p, 250_001).type())));
            upload(a, "first.bin", random(100_000));
            assertEquals("attach.begin.ok", declare(a, 100_000).type(), "unfinished, but it counts");
            Frame refused = declare(a, 50_001);
            assertEquals("QUOTA_EXCEEDED", errorCode(a, refused));
            assertTrue(refused.body().get("message").textValue().contains("50000 bytes are left"), refused.toString());
        }
    }

    @Test
    void anUploadThatWouldTakeTheDiskBelowItsFloorIsRefusedWithStorageFull() throws Exception {
        String alice = register("alice");
        try (TestClient a = loggedIn(alice)) {
            BeginOk begun = beginOk(a, "half.bin", random(10));
            configure(Map.of("diskFloorBytes", Long.MAX_VALUE / 2));
            eventually("the floor applies", quietly(() -> "error".equals(declare(a, 10).type())));
            assertEquals("STORAGE_FULL", errorCode(a, declare(a, 10)));
            Frame chunk = a.requestWithData(AttachmentMessages.CHUNK,
                    new AttachmentMessages.Chunk(begun.id(), 0), new byte[10]);
            assertEquals("STORAGE_FULL", errorCode(a, chunk), "checked at every chunk too");
        }
    }

    @Test
    void administratorsListAndDeleteFilesAndEveryDeletionIsAudited() throws Exception {
        String alice = register("alice");
        String admin = newAdmin();
        String id;
        try (TestClient a = loggedIn(alice); TestClient adm = loggedIn(admin)) {
            id = upload(a, "holiday.jpg", random(20_000));
            String partial = beginOk(a, "partial.bin", random(500)).id();
            FilePage page = ok(adm, AttachmentMessages.ADMIN_FILES, new FileQuery(alice, null, null), FilePage.class);
            assertEquals(2, page.total());
            assertEquals(List.of(partial, id), page.files().stream().map(FileEntry::id).toList(), "newest first");
            FileEntry file = page.files().get(1);
            assertEquals(alice, file.owner());
            assertEquals("holiday.jpg", file.name());
            assertEquals(20_000, file.size());
            assertEquals("stored", file.state());
            assertEquals("partial", page.files().get(0).state());

            assertEquals("NOT_ALLOWED", errorCode(a, a.request(AttachmentMessages.ADMIN_FILES, new FileQuery(null, null, null))));
            assertEquals("NOT_ALLOWED", errorCode(a, a.request(AttachmentMessages.ADMIN_FILE_DELETE, new Ref(id))));

            assertEquals("admin.file.delete.ok", adm.request(AttachmentMessages.ADMIN_FILE_DELETE, new Ref(id)).type());
            assertEquals("NOT_FOUND", errorCode(a, a.request(AttachmentMessages.INFO, new Ref(id))));
            assertEquals("NOT_FOUND", errorCode(adm, adm.request(AttachmentMessages.ADMIN_FILE_DELETE, new Ref(id))));
            AuditEntry entry = adminService().audit(AdminActor.console(), Optional.empty(), 1).get(0);
            assertEquals("file.delete", entry.action());
            assertEquals(Optional.of(id), entry.target());
            assertEquals(admin, entry.actor());
        }
    }

    @Test
    void deletingAnAccountDeletesItsFiles() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String admin = newAdmin();
        String id;
        try (TestClient a = loggedIn(alice)) {
            id = upload(a, "mine.bin", random(30_000));
            a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "mine.bin", "file", null,
                    List.of(new Attachment(id, "mine.bin", 30_000, null))));
        }
        assertTrue(attachments().canRead(id, bob));
        try (TestClient adm = loggedIn(admin)) {
            assertEquals("admin.user.delete.ok", adm.request(MessageTypes.ADMIN_USER_DELETE, new DeleteUser(alice)).type());
            FilePage page = ok(adm, AttachmentMessages.ADMIN_FILES, new FileQuery(alice, null, null), FilePage.class);
            assertEquals(0, page.total());
        }
        assertFalse(attachments().canRead(id, bob));
        assertTrue(attachments().info(id, alice).isEmpty());
        AuditEntry entry = adminService().audit(AdminActor.console(), Optional.empty(), 1).get(0);
        assertEquals("user.delete", entry.action());
        assertTrue(entry.details().contains("deleted 1 file"), entry.details());
    }

    @Test
    void aFileExpiresOnceEveryRecipientDeclinedOrDownloadedItAndTheRetentionPassed() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String settled;
        String open;
        try (TestClient a = loggedIn(alice); TestClient b = loggedIn(bob)) {
            settled = upload(a, "done.bin", random(1000));
            open = upload(a, "waiting.bin", random(1000));
            for (String id : List.of(settled, open)) {
                a.request(MessageTypes.CHAT_SEND, new ChatSend(bob, clientId(), "f", "file", null,
                        List.of(new Attachment(id, "f", 1000, null))));
            }
            assertEquals("file.decline.ok", b.request(FileTransferMessages.DECLINE, new FileRef(settled)).type());
            configure(Map.of("retention", "PT1S", "expiryCheckSeconds", 1));
            eventually("the declined file expires", () -> {
                try {
                    return attachments().info(settled, alice).isEmpty();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(attachments().info(open, alice).isPresent(), "bob has not fetched the other one yet");
        }
    }
}
