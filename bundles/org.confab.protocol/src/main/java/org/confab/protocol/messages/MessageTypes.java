package org.confab.protocol.messages;

/**
 * The core message types. Names are namespaced ({@code area.action}); a response to a request of
 * type T has type {@code T.ok} or {@code error}. Plugins use their own namespace (for example
 * {@code filetransfer.*}); the namespaces listed here are reserved.
 */
public final class MessageTypes {
    public static final String HELLO = "hello";
    public static final String PING = "ping";
    public static final String ERROR = "error";
    public static final String REGISTER = "account.register";
    /** A logged-in user changes their own password. */
    public static final String CHANGE_PASSWORD = "account.passwd";
    public static final String AUTH_START = "auth.start";
    public static final String AUTH_FINISH = "auth.finish";
    public static final String LOGOUT = "auth.logout";
    public static final String CHAT_SEND = "chat.send";
    public static final String CHAT_ACK = "chat.ack";
    public static final String CHAT_HISTORY = "chat.history";
    public static final String CHAT_SEARCH = "chat.search";
    public static final String PRESENCE_LIST = "presence.list";
    /** The logged-in user sets their presence status (available, away, busy). */
    public static final String PRESENCE_SET = "presence.set";
    /** The logged-in user started or stopped typing to a peer. */
    public static final String CHAT_TYPING = "chat.typing";
    /** The logged-in user has read a peer's messages up to one of them (read receipts). */
    public static final String CHAT_READ = "chat.read";

    /** Administration (section "Administration" of docs/protocol.md); only for administrators. */
    public static final String ADMIN_USERS = "admin.users";
    public static final String ADMIN_USER_ADD = "admin.user.add";
    public static final String ADMIN_USER_UPDATE = "admin.user.update";
    public static final String ADMIN_USER_DELETE = "admin.user.delete";
    public static final String ADMIN_ONLINE = "admin.online";
    public static final String ADMIN_KICK = "admin.kick";
    public static final String ADMIN_BROADCAST = "admin.broadcast";
    public static final String ADMIN_AUDIT = "admin.audit";
    public static final String ADMIN_STATUS = "admin.status";

    /** Server push: a chat message for the receiving user. */
    public static final String CHAT_MESSAGE = "chat.message";
    /** Server push: messages the sender sent were received by their recipient. */
    public static final String CHAT_DELIVERED = "chat.delivered";
    /** Server push: a peer started or stopped typing to the receiving user. */
    public static final String CHAT_TYPING_UPDATE = "chat.typing.update";
    /** Server push: a user read messages up to one of them (to the sender, and to the reader's other sessions). */
    public static final String CHAT_READ_UPDATE = "chat.read.update";
    /** Server push: a user came online, went offline or changed display name. */
    public static final String PRESENCE_UPDATE = "presence.update";
    /** Server push: the server is closing this session and says why. */
    public static final String SESSION_CLOSED = "session.closed";
    /** Server push: a notice an administrator sent to everyone online. */
    public static final String ADMIN_NOTICE = "admin.notice";

    /** The {@code .ok} response type of a request type. */
    public static String ok(String requestType) {
        return requestType + ".ok";
    }

    private MessageTypes() {
    }
}
