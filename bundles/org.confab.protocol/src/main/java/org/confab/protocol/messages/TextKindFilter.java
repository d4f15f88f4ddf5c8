package org.confab.protocol.messages;

/**
 * Leaves {@code kind} out of a message on the wire when it is {@link MessageKinds#TEXT}, the default:
 * a plain text message then looks exactly as in protocol version 1, costs no extra bytes, and a
 * version-1 peer never sees the field. Jackson's value filter: a value for which {@code equals} is
 * true is not written.
 */
final class TextKindFilter {
    @Override
    public boolean equals(Object value) {
        return MessageKinds.TEXT.equals(value);
    }

    @Override
    public int hashCode() {
        return MessageKinds.TEXT.hashCode();
    }
}
