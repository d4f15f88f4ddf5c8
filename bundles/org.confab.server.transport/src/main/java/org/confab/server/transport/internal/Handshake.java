package org.confab.server.transport.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.Protocol;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.Hello;
import org.confab.protocol.messages.Messages.HelloOk;
import org.confab.server.api.ClientSession;
import org.confab.server.spi.SessionPolicy;

/** The hello exchange that must open every connection: version check, then the limits it lives by. */
final class Handshake {
    static final String SERVER_NAME = "confab-server/0.1";

    private final ConnectionContext context;
    private volatile boolean done;
    private volatile String clientName;
    private volatile Set<String> clientCapabilities = Set.of();
    private volatile int version = Protocol.VERSION;

    Handshake(ConnectionContext context) {
        this.context = context;
    }

    boolean done() {
        return done;
    }

    /** The version the client asked for and was answered with; the newest until then. */
    int version() {
        return version;
    }

    Optional<String> clientName() {
        return Optional.ofNullable(clientName);
    }

    Set<String> clientCapabilities() {
        return clientCapabilities;
    }

    /**
     * Handles a frame before the handshake: anything but hello is refused (the connection stays, so a
     * client can still say hello); a malformed or incompatible hello closes the connection.
     */
    void accept(ClientSession session, Frame frame) {
        if (!MessageTypes.HELLO.equals(frame.type())) {
            session.sendError(frame.rid(), ErrorCode.HANDSHAKE_REQUIRED, "the first frame must be 'hello'");
            return;
        }
        Hello hello;
        try {
            hello = context.codec().read(frame, Hello.class);
        } catch (ProtocolException e) {
            session.sendError(frame.rid(), e.code(), e.getMessage());
            session.close("PROTOCOL_ERROR", "bad hello");
            return;
        }
        if (hello.version() < Protocol.MIN_VERSION || hello.version() > Protocol.VERSION) {
            session.sendError(frame.rid(), ErrorCode.UNSUPPORTED_VERSION, "this server speaks protocol versions "
                    + Protocol.MIN_VERSION + " to " + Protocol.VERSION + ", the client version " + hello.version());
            session.close("PROTOCOL_ERROR", "unsupported protocol version");
            return;
        }
        clientName = hello.client();
        clientCapabilities = Set.copyOf(hello.capabilities());
        version = hello.version(); // the session speaks the client's version from here on
        SessionPolicy policy = context.registry().policy();
        Map<String, String> capabilities = context.dispatcher().capabilities();
        session.send(context.codec().frame(MessageTypes.ok(MessageTypes.HELLO), frame.rid(),
                new HelloOk(hello.version(), SERVER_NAME, context.codec().maxFrameBytes(), policy.heartbeatSeconds(),
                        policy.idleTimeoutSeconds(), List.copyOf(capabilities.keySet()), capabilities)));
        done = true;
    }
}
