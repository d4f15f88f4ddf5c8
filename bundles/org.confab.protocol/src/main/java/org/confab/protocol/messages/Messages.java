package org.confab.protocol.messages;

import java.util.List;
import java.util.Map;

import org.confab.protocol.Protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bodies of the core messages, as records. Each validates its fields in its constructor, so a
 * decoded record is always within the protocol's limits. Field names are the JSON field names.
 */
public final class Messages {
    private static final int MAX_NAME = 64;
    private static final int MAX_PASSWORD = 1024;
    private static final int MAX_NONCE = 128;
    private static final int MAX_PROOF = 256;
    private static final int MAX_CAPABILITIES = 64;
    private static final int MAX_PLUGIN_VERSION = 64;
    private static final int MAX_IDS = 1000;
    private static final int MAX_ATTACHMENT_ID = 64;
    private static final int MAX_ATTACHMENT_NAME = 255;
    private static final int MAX_MEDIA_TYPE = 127;

    private Messages() {
    }

    /** {@code hello}: the first frame a client sends. */
    public record Hello(int version, String client, List<String> capabilities) {
        public Hello {
            client = Check.optionalText("client", client, 128);
            capabilities = Check.list("capabilities", capabilities, MAX_CAPABILITIES);
        }
    }

    /**
     * {@code hello.ok}: the server's answer with the limits this connection lives by, and what it has
     * installed: {@code capabilities} names them, {@code plugins} maps each name to its version
     * ({@code major.minor.micro}); a server that gives no versions sends no {@code plugins}.
     */
    public record HelloOk(int version, String server, int maxFrameBytes, int heartbeatSeconds,
            int idleTimeoutSeconds, List<String> capabilities, Map<String, String> plugins) {
        public HelloOk {
            capabilities = Check.list("capabilities", capabilities, MAX_CAPABILITIES);
            plugins = Check.map("plugins", plugins, MAX_CAPABILITIES, Protocol.MAX_TYPE_LENGTH, MAX_PLUGIN_VERSION);
        }

        /** A {@code hello.ok} without plugin versions, as servers before {@code plugins} sent it. */
        public HelloOk(int version, String server, int maxFrameBytes, int heartbeatSeconds, int idleTimeoutSeconds,
                List<String> capabilities) {
            this(version, server, maxFrameBytes, heartbeatSeconds, idleTimeoutSeconds, capabilities, Map.of());
        }
    }

    /** {@code account.register}. */
    public record Register(String username, String password, String displayName) {
        public Register {
            Check.nonBlank("username", username, MAX_NAME);
            Check.text("password", password, MAX_PASSWORD);
            displayName = Check.optionalText("displayName", displayName, MAX_NAME);
        }
    }

    /** {@code account.register.ok}. */
    public record Registered(String username, String displayName) {
    }

    /**
     * {@code account.passwd}: a logged-in user changes their own password. The current password
     * proves it is the account's owner and not someone at an unlocked screen; the new one must meet
     * the account rules.
     */
    public record ChangePassword(String password, String newPassword) {
        public ChangePassword {
            Check.text("password", password, MAX_PASSWORD);
            Check.text("newPassword", newPassword, MAX_PASSWORD);
        }

        @Override
        public String toString() {
            return "ChangePassword[passwords hidden]";
        }
    }

    /** {@code auth.start}: first step of the SCRAM-SHA-256 login. */
    public record AuthStart(String username, String clientNonce) {
        public AuthStart {
            Check.nonBlank("username", username, MAX_NAME);
            Check.nonBlank("clientNonce", clientNonce, MAX_NONCE);
        }
    }

    /** {@code auth.start.ok}: salt (base64), iteration count and the combined nonce. */
    public record AuthChallenge(String salt, int iterations, String nonce) {
    }

    /** {@code auth.finish}: the client's proof (base64) over the SCRAM auth message. */
    public record AuthFinish(String nonce, String proof) {
        public AuthFinish {
            Check.nonBlank("nonce", nonce, 2 * MAX_NONCE);
            Check.nonBlank("proof", proof, MAX_PROOF);
        }
    }

    /**
     * {@code auth.finish.ok}: who is logged in, and the server's signature proving it knew the key; on a
     * node of a cluster also the serving {@code nodes} (null from a server that runs alone), which a
     * client may fail over to.
     */
    public record AuthOk(String username, String displayName, boolean admin, String serverSignature,
            List<ClusterMessages.NodeAddress> nodes) {
        public AuthOk {
            nodes = ClusterMessages.NodeAddress.checked(nodes);
        }

        /** From a server that runs alone. */
        public AuthOk(String username, String displayName, boolean admin, String serverSignature) {
            this(username, displayName, admin, serverSignature, null);
        }
    }

    /**
     * A reference to bytes in the server's attachment store (a file-transfer plugin adds the store):
     * its id there, a file name to show, its size in bytes and, optionally, its media type.
     */
    public record Attachment(String id, String name, long size, String mediaType) {
        public Attachment {
            Check.token("id", id, MAX_ATTACHMENT_ID);
            Check.printable("name", name, MAX_ATTACHMENT_NAME);
            if (size < 0) {
                throw new IllegalArgumentException("field 'size' must not be negative");
            }
            mediaType = mediaType == null ? null : Check.printable("mediaType", mediaType, MAX_MEDIA_TYPE);
        }
    }

    /**
     * {@code chat.send}. Since version 2 a message has a {@code kind} ({@link MessageKinds#TEXT} when
     * absent), optional metadata (a bounded JSON object) and attachment references; its text may then
     * be empty. Plain text messages look exactly as in version 1 on the wire.
     */
    public record ChatSend(String to, String clientMessageId, String text,
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = TextKindFilter.class) String kind,
            ObjectNode meta, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {
        public ChatSend {
            Check.nonBlank("to", to, MAX_NAME);
            Check.nonBlank("clientMessageId", clientMessageId, Protocol.MAX_CLIENT_MESSAGE_ID_LENGTH);
            kind = Check.kind(kind);
            text = MessageKinds.TEXT.equals(kind) || text != null ? Check.text("text", text, Protocol.MAX_TEXT_LENGTH) : "";
            meta = Check.meta(meta);
            attachments = Check.list("attachments", attachments, Protocol.MAX_ATTACHMENTS);
            if (MessageKinds.TEXT.equals(kind) && text.isEmpty()) {
                throw new IllegalArgumentException("field 'text' must not be empty");
            }
        }

        /** A plain text message, as in protocol version 1. */
        public ChatSend(String to, String clientMessageId, String text) {
            this(to, clientMessageId, text, MessageKinds.TEXT, null, List.of());
        }
    }

    /** {@code chat.send.ok}: the message is durably stored. */
    public record ChatSent(long messageId, long timestamp, boolean duplicate) {
    }

    /**
     * {@code chat.message} push, and the entries of history pages. {@code kind}, {@code meta} and
     * {@code attachments} as in {@link ChatSend}; a version-1 session never sees them (the server puts
     * a fallback line into the text instead, see {@link MessageKinds#readableText}).
     */
    public record ChatMessage(long messageId, String from, String to, String text, long timestamp,
            String clientMessageId, boolean delivered,
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = TextKindFilter.class) String kind,
            ObjectNode meta, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments) {
        public ChatMessage {
            kind = Check.kind(kind);
            meta = Check.meta(meta);
            attachments = Check.list("attachments", attachments, Protocol.MAX_ATTACHMENTS);
        }

        /** A plain text message, as in protocol version 1. */
        public ChatMessage(long messageId, String from, String to, String text, long timestamp, String clientMessageId,
                boolean delivered) {
            this(messageId, from, to, text, timestamp, clientMessageId, delivered, MessageKinds.TEXT, null, List.of());
        }
    }

    /** {@code chat.ack}: the client has the messages; the server marks them delivered. */
    public record ChatAck(List<Long> messageIds) {
        public ChatAck {
            messageIds = Check.list("messageIds", messageIds, MAX_IDS);
        }
    }

    /** {@code chat.delivered} push to a sender. */
    public record Delivered(String to, List<Long> messageIds) {
    }

    /** {@code chat.history}: newest first, messages older than {@code beforeId} when it is set. */
    public record HistoryRequest(String peer, Long beforeId, int limit) {
        public HistoryRequest {
            Check.nonBlank("peer", peer, MAX_NAME);
            Check.range("limit", limit, 1, Protocol.MAX_PAGE_SIZE);
        }
    }

    /** {@code chat.search}: messages containing {@code query}, with one peer or with everyone. */
    public record SearchRequest(String peer, String query, Long beforeId, int limit) {
        public SearchRequest {
            peer = Check.optionalText("peer", peer, MAX_NAME);
            Check.nonBlank("query", query, 200);
            Check.range("limit", limit, 1, Protocol.MAX_PAGE_SIZE);
        }
    }

    /** {@code chat.history.ok} and {@code chat.search.ok}: newest first. */
    public record MessagePage(List<ChatMessage> messages, boolean more) {
    }

    /**
     * One user's presence. {@code status} is what an online user said about themselves
     * ({@link PresenceStatus}: {@code available}, {@code away}, {@code busy}); null when offline, and
     * from servers before presence status (a client reads null for an online user as available).
     */
    public record PresenceEntry(String username, String displayName, boolean online, String status) {
        public PresenceEntry(String username, String displayName, boolean online) {
            this(username, displayName, online, online ? PresenceStatus.AVAILABLE : null);
        }
    }

    /** {@code presence.set}: the logged-in user's own status, one of {@link PresenceStatus}. */
    public record SetStatus(String status) {
        public SetStatus {
            Check.text("status", status, MAX_NAME);
            if (!PresenceStatus.ALL.contains(status)) {
                throw new IllegalArgumentException("field 'status' must be one of " + PresenceStatus.ALL);
            }
        }
    }

    /** {@code chat.typing} request: the logged-in user started ({@code true}) or stopped typing to {@code to}. */
    public record TypingRequest(String to, boolean typing) {
        public TypingRequest {
            Check.nonBlank("to", to, MAX_NAME);
        }
    }

    /** {@code chat.typing.update} push: {@code from} started or stopped typing to the receiving user. */
    public record Typing(String from, boolean typing) {
    }

    /** Capability in {@code hello.ok} of a server that takes {@code chat.read} and pushes read receipts. */
    public static final String READ_CAPABILITY = "chat.read";

    /**
     * {@code chat.read} request: the logged-in user has read the messages {@code with} sent them up to
     * and including message {@code upTo}, which must be one {@code with} sent them. {@code upTo} 0 marks
     * nothing and only asks for the {@link ReadState}.
     */
    public record ReadRequest(String with, long upTo) {
        public ReadRequest {
            Check.nonBlank("with", with, MAX_NAME);
            if (upTo < 0) {
                throw new IllegalArgumentException("field 'upTo' must be a message id or 0");
            }
        }
    }

    /**
     * {@code chat.read.ok}: how far the asking user has read {@code with}'s messages ({@code read}) and
     * how far {@code with} has read the asking user's ({@code peerRead}); 0 where nothing was read.
     */
    public record ReadState(String with, long read, long peerRead) {
    }

    /**
     * {@code chat.read.update} push: {@code reader} has read the messages {@code sender} sent them up to
     * and including message {@code upTo}. The sender's sessions get it (a read receipt), and so do the
     * reader's other sessions (their unread counts).
     */
    public record ReadMark(String reader, String sender, long upTo) {
    }

    /** {@code presence.list.ok}: every account, online ones first. */
    public record PresenceList(List<PresenceEntry> users) {
    }

    /** {@code session.closed} push. */
    public record SessionClosed(String code, String reason) {
    }

    /**
     * {@code error}. {@code retryAfterSeconds} is set with {@code RATE_LIMITED}: when the client may try
     * again.
     */
    public record ErrorBody(String code, String message, Long retryAfterSeconds) {
        public ErrorBody(String code, String message) {
            this(code, message, null);
        }
    }
}
