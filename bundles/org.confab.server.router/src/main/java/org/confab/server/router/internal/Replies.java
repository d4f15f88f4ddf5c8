package org.confab.server.router.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;

/** Reading request bodies and answering them, shared by the core handlers. */
final class Replies {
    /** Encoding does not depend on the frame limit; decoding of bodies already happened in the transport. */
    static final FrameCodec CODEC = new FrameCodec();

    private Replies() {
    }

    static <T> T read(Frame frame, Class<T> type) throws ProtocolException {
        return CODEC.read(frame, type);
    }

    /** Sends the {@code .ok} response of a request. */
    static void ok(ClientSession session, Frame request, Object body) {
        session.send(CODEC.frame(MessageTypes.ok(request.type()), request.rid(), body));
    }

    static void ok(ClientSession session, Frame request) {
        session.send(Frame.of(MessageTypes.ok(request.type()), request.rid()));
    }

    static void push(ClientSession session, String type, Object body) {
        session.send(CODEC.frame(type, 0, body));
    }

    /** Pushes and tells whether the session took the frame. */
    static boolean pushed(ClientSession session, String type, Object body) {
        return session.send(CODEC.frame(type, 0, body));
    }
}
