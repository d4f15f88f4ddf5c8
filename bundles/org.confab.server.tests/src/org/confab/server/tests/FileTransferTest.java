package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.AttachmentMessages;
import org.confab.protocol.messages.FileTransferMessages;
import org.confab.protocol.messages.FileTransferMessages.FileRef;
import org.confab.protocol.messages.FileTransferMessages.Offer;
import org.confab.protocol.messages.FileTransferMessages.Offers;
import org.confab.protocol.messages.FileTransferMessages.StateChange;
import org.confab.protocol.messages.FileTransferMessages.Transfer;
import org.confab.protocol.messages.FileTransferMessages.Transfers;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Attachment;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.junit.jupiter.api.Test;

/**
 * The file-transfer plugin (its own bundle on the public API only) over the real server: a file
 * offered to an offline user appears in their offers at login, and each step of the recipient reaches
 * the sender's clients as {@code file.state}.
 */
class FileTransferTest extends AttachmentTestSupport {

    private static long send(TestClient client, String to, String id, String name, int size) throws Exception {
        Frame sent = client.request(MessageTypes.CHAT_SEND, new ChatSend(to, clientId(), name, FileTransferMessages.KIND,
                null, List.of(new Attachment(id, name, size, null))));
        return client.body(sent, ChatSent.class).messageId();
    }

    @Test
    void theServerAnnouncesAttachmentsAndFileTransferWithTheirVersions() throws Exception {
        try (TestClient client = new TestClient(server())) {
            HelloOk ok = client.body(client.request(MessageTypes.HELLO, new Hello(Protocol.VERSION, "caps", List.of())), HelloOk.class);
            assertTrue(ok.capabilities().contains(AttachmentMessages.CAPABILITY), ok.toString());
            assertTrue(ok.capabilities().contains(FileTransferMessages.CAPABILITY), ok.toString());
        }
    }

    @Test
    void aFileOfferedToAnOfflineUserIsListedAtLoginAndItsStatesReachTheSender() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        byte[] content = random(400_000);
        String id;
        long messageId;
        try (TestClient a = loggedIn(alice)) {
            id = upload(a, "holiday.mov", content);
            messageId = send(a, bob, id, "holiday.mov", content.length);
        }
        try (TestClient a = loggedInWith(alice, FileTransferMessages.CAPABILITY);
                TestClient oldClient = loggedIn(alice);
                TestClient b = loggedInWith(bob, FileTransferMessages.CAPABILITY);
                TestClient bobElsewhere = loggedInWith(bob, FileTransferMessages.CAPABILITY)) {
            ChatMessage offer = b.body(b.await(MessageTypes.CHAT_MESSAGE), ChatMessage.class);
            assertEquals(FileTransferMessages.KIND, offer.kind());

            Offers offers = ok(b, FileTransferMessages.OFFERS, java.util.Map.of(), Offers.class);
            assertEquals(1, offers.offers().size());
            Offer listed = offers.offers().get(0);
            assertEquals(id, listed.id());
            assertEquals(alice, listed.from());
            assertEquals("holiday.mov", listed.name());
            assertEquals(content.length, listed.size());
            assertEquals(sha256(content), listed.sha256());
            assertEquals("offered", listed.state());
            eventually("the share notes its message", quietly(() ->
                    ok(b, FileTransferMessages.OFFERS, java.util.Map.of(), Offers.class).offers().get(0).messageId() == messageId));

            assertEquals("file.accept.ok", b.request(FileTransferMessages.ACCEPT, new FileRef(id)).type());
            StateChange accepted = a.body(a.await(FileTransferMessages.STATE), StateChange.class);
            assertEquals(new StateChange(id, bob, "accepted"), accepted);
            assertEquals(accepted, bobElsewhere.body(bobElsewhere.await(FileTransferMessages.STATE), StateChange.class),
                    "the recipient's other client learns it too");
            assertFalse(oldClient.receives(FileTransferMessages.STATE, 300), "a client without the capability does not");

            assertArrayEquals(content, download(b, id, content.length, 256 * 1024));
            assertEquals("file.downloaded.ok", b.request(FileTransferMessages.DOWNLOADED, new FileRef(id)).type());
            assertEquals("downloaded", a.body(a.await(FileTransferMessages.STATE), StateChange.class).state());
            assertEquals(List.of(), ok(b, FileTransferMessages.OFFERS, java.util.Map.of(), Offers.class).offers(),
                    "downloaded: no longer an offer");
            assertEquals("file.decline.ok", b.request(FileTransferMessages.DECLINE, new FileRef(id)).type());
            Transfers sent = ok(a, FileTransferMessages.SENT, java.util.Map.of(), Transfers.class);
            assertEquals(List.of(new Transfer(id, bob, "holiday.mov", content.length, "downloaded")), sent.transfers(),
                    "a final state stays");
        }
    }

    @Test
    void onlyTheRecipientOfAnOfferMovesItsState() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String mallory = register("mallory");
        try (TestClient a = loggedIn(alice); TestClient m = loggedIn(mallory)) {
            String id = upload(a, "secret.txt", random(100));
            send(a, bob, id, "secret.txt", 100);
            for (String type : List.of(FileTransferMessages.ACCEPT, FileTransferMessages.DECLINE, FileTransferMessages.DOWNLOADED)) {
                assertEquals("NOT_FOUND", errorCode(m, m.request(type, new FileRef(id))), type);
            }
            assertEquals("NOT_FOUND", errorCode(a, a.request(FileTransferMessages.ACCEPT, new FileRef(id))), "not even the sender");
            assertEquals(List.of(), ok(m, FileTransferMessages.OFFERS, java.util.Map.of(), Offers.class).offers());
        }
    }

    @Test
    void aMessageSharesOnlyWhatItsSenderMayRead() throws Exception {
        String alice = register("alice");
        String bob = register("bob");
        String mallory = register("mallory");
        try (TestClient a = loggedIn(alice); TestClient m = loggedIn(mallory)) {
            String id = upload(a, "private.txt", random(100));
            // mallory guessed or saw the id: referencing it gives bob nothing, and mallory nothing either
            send(m, bob, id, "private.txt", 100);
            assertFalse(attachments().canRead(id, bob));
            assertFalse(attachments().canRead(id, mallory));
        }
    }
}
