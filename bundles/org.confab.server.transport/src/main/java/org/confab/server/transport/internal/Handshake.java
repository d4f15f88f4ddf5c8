package org.confab.server.transport.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    Handshake(ConnectionContext context) {
        this.context = context;
    }

    boolean done() {
        return done;
    }

    Optional<String> clientName() {
        return Optional.ofNullable(clientName);
    }

    /**
     * Handles a frame before the handshake: anything but hello is refused, and so is a malformed hello
     * (the connection stays, so a client can still say hello properly); an incompatible version closes
     * the connection.
     */
    void accept(ClientSession session, Frame frame) {
        if (!MessageTypes.HELLO.equals(frame.type())) {
            session.sendError(frame.rid(), ErrorCode.HANDSHAKE_REQUIRED, "the first frame must be 'hello'");
            return;
        }
        if (frame.rid() == 0) {
            // hello.ok carries the limits the client must know, so it is a request (protocol section 6.1)
            session.sendError(0, ErrorCode.BAD_REQUEST, "hello: a rid is required");
            return;
        }
        Hello hello;
        try {
            hello = context.codec().read(frame, Hello.class);
        } catch (ProtocolException e) {
            session.sendError(frame.rid(), e.code(), e.getMessage());
            return;
        }
        if (hello.version() != Protocol.VERSION) {
            session.sendError(frame.rid(), ErrorCode.UNSUPPORTED_VERSION, "this server speaks protocol version "
                    + Protocol.VERSION + ", the client version " + hello.version());
            session.close("PROTOCOL_ERROR", "unsupported protocol version");
            return;
        }
        clientName = hello.client();
        SessionPolicy policy = context.registry().policy();
        Map<String, String> capabilities = context.dispatcher().capabilities();
        Frame answer = context.codec().frame(MessageTypes.ok(MessageTypes.HELLO), frame.rid(),
                new HelloOk(Protocol.VERSION, SERVER_NAME, context.codec().maxFrameBytes(), policy.heartbeatSeconds(),
                        policy.idleTimeoutSeconds(), List.copyOf(capabilities.keySet())));
        // the installed plugins with their versions (protocol section 15), beside the plain names
        ObjectNode plugins = answer.body().putObject("plugins");
        capabilities.forEach(plugins::put);
        session.send(answer);
        done = true;
    }
}
