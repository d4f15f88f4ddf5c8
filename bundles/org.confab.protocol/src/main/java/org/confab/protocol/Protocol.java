package org.confab.protocol;

/** Constants of the Confab wire protocol; docs/protocol.md is the normative description. */
public final class Protocol {
    /**
     * The newest protocol version this code speaks. Version 2 adds rich messages (kind, metadata,
     * attachments); a version-1 peer sees their text and a fallback line instead.
     */
    public static final int VERSION = 2;
    /** The oldest protocol version a server still accepts in {@code hello}. */
    public static final int MIN_VERSION = 1;
    /** Default largest frame payload in bytes; servers may configure less or more up to {@link #HARD_MAX_FRAME_BYTES}. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** No implementation accepts a frame larger than this, whatever it is configured to. */
    public static final int HARD_MAX_FRAME_BYTES = 16 << 20;
    /** Smallest maximum a server may configure: must fit any core message. */
    public static final int MIN_MAX_FRAME_BYTES = 16 << 10;
    /** Longest message type name. */
    public static final int MAX_TYPE_LENGTH = 64;
    /** Longest chat message text in characters (UTF-16 code units). */
    public static final int MAX_TEXT_LENGTH = 8000;
    /** Longest client-chosen message id. */
    public static final int MAX_CLIENT_MESSAGE_ID_LENGTH = 64;
    /** Largest encoded size of a message's metadata (a JSON object) in UTF-8 bytes. */
    public static final int MAX_META_BYTES = 4096;
    /** Deepest nesting of objects and arrays inside a message's metadata (the object itself is level 1). */
    public static final int MAX_META_DEPTH = 8;
    /** Most attachment references one message may carry. */
    public static final int MAX_ATTACHMENTS = 16;
    /**
     * First payload byte of a binary frame (version 2). A JSON frame starts with '{' or whitespace,
     * never with NUL, so one byte tells the two apart.
     */
    public static final byte BINARY_FRAME_MARKER = 0x00;
    /** Largest JSON header of a binary frame in bytes (the 2-byte length could say more). */
    public static final int MAX_BINARY_HEADER_BYTES = 16 << 10;
    /**
     * Largest encoded size of the messages in one history or search page: a page stops early (with
     * {@code more} true) rather than grow past it, so any page fits in a frame of the default limit.
     */
    public static final int MAX_PAGE_BYTES = 256 << 10;
    /** Largest page of history a server returns. */
    public static final int MAX_PAGE_SIZE = 200;

    private Protocol() {
    }
}
