package org.confab.protocol.messages;

import java.util.List;
import java.util.Map;

import org.confab.protocol.Protocol;

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

    /** {@code auth.finish.ok}: who is logged in, and the server's signature proving it knew the key. */
    public record AuthOk(String username, String displayName, boolean admin, String serverSignature) {
    }

    /** {@code chat.send}. */
    public record ChatSend(String to, String clientMessageId, String text) {
        public ChatSend {
            Check.nonBlank("to", to, MAX_NAME);
            Check.nonBlank("clientMessageId", clientMessageId, Protocol.MAX_CLIENT_MESSAGE_ID_LENGTH);
            Check.text("text", text, Protocol.MAX_TEXT_LENGTH);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("field 'text' must not be empty");
            }
        }
    }

    /** {@code chat.send.ok}: the message is durably stored. */
    public record ChatSent(long messageId, long timestamp, boolean duplicate) {
    }

    /** {@code chat.message} push, and the entries of history pages. */
    public record ChatMessage(long messageId, String from, String to, String text, long timestamp,
            String clientMessageId, boolean delivered) {
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

    /** One user's presence. */
    public record PresenceEntry(String username, String displayName, boolean online) {
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
