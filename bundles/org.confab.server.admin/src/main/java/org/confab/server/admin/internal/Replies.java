package org.confab.server.admin.internal;

import org.confab.protocol.Frame;
import org.confab.protocol.FrameCodec;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.server.api.ClientSession;

/** Reading admin request bodies and answering them. */
final class Replies {
    private static final FrameCodec CODEC = new FrameCodec();

    private Replies() {
    }

    static <T> T read(Frame frame, Class<T> type) throws ProtocolException {
        return CODEC.read(frame, type);
    }

    static void ok(ClientSession session, Frame request, Object body) {
        session.send(CODEC.frame(MessageTypes.ok(request.type()), request.rid(), body));
    }
}
