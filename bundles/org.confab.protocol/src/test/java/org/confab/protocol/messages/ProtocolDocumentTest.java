package org.confab.protocol.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.AuditEntry;
import org.confab.protocol.messages.AdminMessages.AuditPage;
import org.confab.protocol.messages.AdminMessages.AuditQuery;
import org.confab.protocol.messages.AdminMessages.Broadcast;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.confab.protocol.messages.AdminMessages.DeleteUser;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.confab.protocol.messages.AdminMessages.Notice;
import org.confab.protocol.messages.AdminMessages.OnlineList;
import org.confab.protocol.messages.AdminMessages.OnlineSession;
import org.confab.protocol.messages.AdminMessages.StatusReport;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserDeleted;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.AdminMessages.UserQuery;
import org.confab.protocol.messages.Messages.AuthChallenge;
import org.confab.protocol.messages.Messages.AuthFinish;
import org.confab.protocol.messages.Messages.AuthOk;
import org.confab.protocol.messages.Messages.AuthStart;
import org.confab.protocol.messages.Messages.ChangePassword;
import org.confab.protocol.messages.Messages.ChatAck;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.ChatSend;
import org.confab.protocol.messages.Messages.ChatSent;
import org.confab.protocol.messages.Messages.Delivered;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.confab.protocol.messages.Messages.PresenceList;
import org.confab.protocol.messages.Messages.Register;
import org.confab.protocol.messages.Messages.Registered;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.confab.protocol.messages.Messages.SessionClosed;
import org.confab.protocol.messages.Messages.SetStatus;
import org.confab.protocol.messages.Messages.Typing;
import org.confab.protocol.messages.Messages.TypingRequest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps docs/protocol.md honest: every example frame in it must decode, read as its message record
 * and use only the record's field names.
 */
class ProtocolDocumentTest {

    private static final FrameCodec CODEC = new FrameCodec();

    private static final Map<String, Class<? extends Record>> BODIES = Map.ofEntries(
            Map.entry("hello", Hello.class), Map.entry("hello.ok", HelloOk.class),
            Map.entry("account.register", Register.class), Map.entry("account.register.ok", Registered.class),
            Map.entry("account.passwd", ChangePassword.class),
            Map.entry("auth.start", AuthStart.class), Map.entry("auth.start.ok", AuthChallenge.class),
            Map.entry("auth.finish", AuthFinish.class), Map.entry("auth.finish.ok", AuthOk.class),
            Map.entry("chat.send", ChatSend.class), Map.entry("chat.send.ok", ChatSent.class),
            Map.entry("chat.message", ChatMessage.class), Map.entry("chat.ack", ChatAck.class),
            Map.entry("chat.delivered", Delivered.class), Map.entry("chat.history", HistoryRequest.class),
            Map.entry("chat.history.ok", MessagePage.class), Map.entry("chat.search", SearchRequest.class),
            Map.entry("chat.search.ok", MessagePage.class), Map.entry("presence.list.ok", PresenceList.class),
            Map.entry("presence.update", PresenceEntry.class), Map.entry("presence.set", SetStatus.class),
            Map.entry("chat.typing", TypingRequest.class), Map.entry("chat.typing.update", Typing.class),
            Map.entry("chat.read", Messages.ReadRequest.class), Map.entry("chat.read.ok", Messages.ReadState.class),
            Map.entry("chat.read.update", Messages.ReadMark.class), Map.entry("session.closed", SessionClosed.class),
            Map.entry("error", ErrorBody.class),
            Map.entry("admin.users", UserQuery.class), Map.entry("admin.users.ok", UserPage.class),
            Map.entry("admin.user.add", AddUser.class), Map.entry("admin.user.add.ok", UserEntry.class),
            Map.entry("admin.user.update", UpdateUser.class), Map.entry("admin.user.update.ok", UserEntry.class),
            Map.entry("admin.user.delete", DeleteUser.class), Map.entry("admin.user.delete.ok", UserDeleted.class),
            Map.entry("admin.online.ok", OnlineList.class), Map.entry("admin.kick", Kick.class),
            Map.entry("admin.kick.ok", KickResult.class), Map.entry("admin.broadcast", Broadcast.class),
            Map.entry("admin.broadcast.ok", BroadcastResult.class), Map.entry("admin.notice", Notice.class),
            Map.entry("admin.audit", AuditQuery.class), Map.entry("admin.audit.ok", AuditPage.class),
            Map.entry("admin.status.ok", StatusReport.class),
            Map.entry("attach.begin", AttachmentMessages.Begin.class), Map.entry("attach.begin.ok", AttachmentMessages.BeginOk.class),
            Map.entry("attach.chunk", AttachmentMessages.Chunk.class), Map.entry("attach.chunk.ok", AttachmentMessages.ChunkOk.class),
            Map.entry("attach.info", AttachmentMessages.Ref.class), Map.entry("attach.info.ok", AttachmentMessages.Info.class),
            Map.entry("attach.read", AttachmentMessages.Read.class), Map.entry("attach.read.ok", AttachmentMessages.ReadOk.class),
            Map.entry("attach.delete", AttachmentMessages.Ref.class), Map.entry("admin.files", AttachmentMessages.FileQuery.class),
            Map.entry("admin.files.ok", AttachmentMessages.FilePage.class),
            Map.entry("admin.file.delete", AttachmentMessages.Ref.class),
            Map.entry("file.offers.ok", FileTransferMessages.Offers.class), Map.entry("file.accept", FileTransferMessages.FileRef.class),
            Map.entry("file.state", FileTransferMessages.StateChange.class),
            Map.entry("file.sent.ok", FileTransferMessages.Transfers.class),
            Map.entry("admin.plugins.ok", PluginMessages.Plugins.class),
            Map.entry("admin.plugin.install", PluginMessages.Install.class),
            Map.entry("admin.plugin.install.ok", PluginMessages.Change.class),
            Map.entry("admin.plugin.update", PluginMessages.Update.class),
            Map.entry("admin.plugin.update.ok", PluginMessages.Change.class),
            Map.entry("admin.plugin.uninstall", PluginMessages.Uninstall.class),
            Map.entry("admin.plugin.uninstall.ok", PluginMessages.Change.class),
            Map.entry("plugin.repository.ok", PluginMessages.OfferedRepository.class));

    private static final Set<String> BODILESS = Set.of("ping", "ping.ok", "auth.logout", "auth.logout.ok",
            "presence.list", "chat.ack.ok", "admin.online", "admin.status", "attach.delete.ok", "admin.file.delete.ok",
            "file.offers", "file.accept.ok", "file.sent", "account.passwd.ok",
            "presence.set.ok", "chat.typing.ok", "admin.plugins", "plugin.repository");

    private static final Set<String> CLOSE_CODES = Set.of("IDLE_TIMEOUT", "KICKED", "SHUTDOWN", "LOGGED_OUT",
            "PROTOCOL_ERROR", "LOGIN_TIMEOUT");

    private static List<String> exampleFrames() throws IOException {
        Path doc = Path.of("..", "..", "docs", "protocol.md");
        assertTrue(Files.isRegularFile(doc), "docs/protocol.md not found from " + Path.of("").toAbsolutePath());
        List<String> frames = new ArrayList<>();
        boolean inJson = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inJson = line.equals("```json");
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("C→S {") || trimmed.startsWith("S→C {")) {
                frames.add(trimmed.substring(4));
            } else if (inJson && trimmed.startsWith("{")) {
                frames.add(trimmed);
            }
        }
        return frames;
    }

    @Test
    void everyExampleFrameIsValid() throws Exception {
        List<String> frames = exampleFrames();
        assertTrue(frames.size() > 50, "found only " + frames.size() + " example frames");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < frames.size(); i++) {
            String json = frames.get(i);
            Frame frame;
            try {
                frame = CODEC.decode(json.getBytes(StandardCharsets.UTF_8));
            } catch (ProtocolException e) {
                fail("example does not decode: " + json + ": " + e.getMessage());
                return;
            }
            seen.add(frame.type());
            if (BODILESS.contains(frame.type())) {
                assertEquals(0, frame.body().size(), json);
                continue;
            }
            Class<? extends Record> type = BODIES.get(frame.type());
            if (type == null) {
                fail("example of an undocumented type: " + json);
            }
            Record record;
            try {
                Object decoded = CODEC.read(frame, type);
                record = (Record) decoded;
            } catch (ProtocolException e) {
                // A deliberately wrong request must be followed by the error the codec really gives.
                assertTrue(i + 1 < frames.size(), "example request fails: " + json);
                assertEquals(frames.get(i + 1), new String(CODEC.encode(CODEC.frame("error", frame.rid(),
                        new ErrorBody(e.code().name(), e.getMessage()))), StandardCharsets.UTF_8),
                        "example request fails: " + json);
                continue;
            }
            Set<String> components = new HashSet<>();
            Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
            frame.body().fieldNames().forEachRemaining(
                    name -> assertTrue(components.contains(name), "unknown field '" + name + "' in " + json));
            checkCodes(record, json);
            if (type == MessagePage.class) {
                checkNested(frame.body().get("messages"), ChatMessage.class, json);
            } else if (type == PresenceList.class) {
                checkNested(frame.body().get("users"), PresenceEntry.class, json);
            } else if (type == UserPage.class) {
                checkNested(frame.body().get("users"), UserEntry.class, json);
            } else if (type == AuthOk.class && frame.body().has("nodes")) {
                checkNested(frame.body().get("nodes"), ClusterMessages.NodeAddress.class, json);
            } else if (type == OnlineList.class) {
                checkNested(frame.body().get("sessions"), OnlineSession.class, json);
            } else if (type == AttachmentMessages.FilePage.class) {
                checkNested(frame.body().get("files"), AttachmentMessages.FileEntry.class, json);
            } else if (type == FileTransferMessages.Offers.class) {
                checkNested(frame.body().get("offers"), FileTransferMessages.Offer.class, json);
            } else if (type == FileTransferMessages.Transfers.class) {
                checkNested(frame.body().get("transfers"), FileTransferMessages.Transfer.class, json);
            } else if (type == PluginMessages.Plugins.class) {
                checkNested(frame.body().get("plugins"), PluginMessages.Plugin.class, json);
            } else if (type == AuditPage.class) {
                checkNested(frame.body().get("entries"), AuditEntry.class, json);
            }
        }
        Set<String> undocumented = new HashSet<>(BODIES.keySet());
        undocumented.addAll(BODILESS);
        undocumented.removeAll(seen);
        assertEquals(Set.of(), undocumented, "types without an example");
    }

    private static void checkCodes(Record record, String json) {
        if (record instanceof ErrorBody error) {
            assertNotEquals(ErrorCode.INTERNAL, ErrorCode.fromWire(error.code()), json);
        } else if (record instanceof SessionClosed closed) {
            assertTrue(CLOSE_CODES.contains(closed.code()), json);
        }
    }

    private static void checkNested(JsonNode array, Class<? extends Record> type, String json) {
        Set<String> components = new HashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.add(c.getName()));
        for (JsonNode element : array) {
            element.fieldNames().forEachRemaining(
                    name -> assertTrue(components.contains(name), "unknown field '" + name + "' in " + json));
        }
    }
}
