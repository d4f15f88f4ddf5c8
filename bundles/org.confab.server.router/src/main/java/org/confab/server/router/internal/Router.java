package org.confab.server.router.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.server.api.ClientSession;
import org.confab.server.api.FrameDispatcher;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every frame to the {@link MessageHandler} service registered for its type (the
 * whiteboard through which core features and plugins alike add message types), enforces login
 * where a handler needs it, and turns failures into error frames so that nothing a client sends can
 * take the server down.
 */
@Component(service = FrameDispatcher.class)
public class Router implements FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private record Route(MessageHandler handler, boolean requiresLogin) {
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final PresenceBroadcaster presence;
    private final AbuseLimits limits;

    /**
     * The login and chat handlers are required (not merely collected) so that the dispatcher, and
     * with it the transport, only appears once users can log in and chat: otherwise a client that
     * connects during start-up could be told that auth.start is an unknown type.
     */
    @Activate
    public Router(@Reference PresenceBroadcaster presence, @Reference AbuseLimits limits,
            @Reference(target = "(" + MessageHandler.TYPES + "=" + MessageTypes.AUTH_START + ")") MessageHandler login,
            @Reference(target = "(" + MessageHandler.TYPES + "=" + MessageTypes.CHAT_SEND + ")") MessageHandler chat) {
        this.presence = presence;
        this.limits = limits;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(MessageHandler handler, Map<String, Object> properties) {
        boolean requiresLogin = !Boolean.FALSE.equals(properties.get(MessageHandler.REQUIRES_LOGIN))
                && !"false".equals(properties.get(MessageHandler.REQUIRES_LOGIN));
        for (String type : types(properties)) {
            Route previous = routes.putIfAbsent(type, new Route(handler, requiresLogin));
            if (previous != null) {
                LOG.warn("message type {} already handled by {}; ignoring {}", type, previous.handler(), handler);
            }
        }
    }

    void removeHandler(MessageHandler handler, Map<String, Object> properties) {
        routes.values().removeIf(route -> route.handler() == handler);
    }

    private static String[] types(Map<String, Object> properties) {
        Object value = properties.get(MessageHandler.TYPES);
        if (value instanceof String single) {
            return new String[] { single };
        }
        return value instanceof String[] many ? many : new String[0];
    }

    @Override
    public void dispatch(ClientSession session, Frame frame) {
        try {
            // every frame counts against the session's rate, whatever becomes of it
            limits.request(session);
        } catch (ProtocolException e) {
            sendError(session, frame, e);
            return;
        }
        Route route = routes.get(frame.type());
        if (route == null) {
            session.sendError(frame.rid(), ErrorCode.UNKNOWN_TYPE, "unknown message type '" + frame.type() + "'");
            return;
        }
        if (route.requiresLogin() && session.username().isEmpty()) {
            session.sendError(frame.rid(), ErrorCode.NOT_AUTHENTICATED, "log in first");
            return;
        }
        try {
            route.handler().handle(session, frame);
        } catch (ProtocolException e) {
            sendError(session, frame, e);
        } catch (StorageException e) {
            LOG.error("storage failure handling {} from #{}", frame.type(), session.id(), e);
            session.sendError(frame.rid(), ErrorCode.STORAGE_UNAVAILABLE,
                    "the server could not store or read data right now; nothing was saved, please retry");
        } catch (RuntimeException e) {
            LOG.error("handler for {} failed on #{}", frame.type(), session.id(), e);
            session.sendError(frame.rid(), ErrorCode.INTERNAL, "internal server error");
        }
    }

    private static void sendError(ClientSession session, Frame frame, ProtocolException e) {
        if (e.retryAfterSeconds().isPresent()) {
            session.send(Replies.CODEC.frame(MessageTypes.ERROR, frame.rid(),
                    new ErrorBody(e.code().name(), e.getMessage(), e.retryAfterSeconds().getAsLong())));
        } else {
            session.sendError(frame.rid(), e.code(), e.getMessage());
        }
    }

    @Override
    public void sessionClosed(ClientSession session) {
        presence.sessionEnded(session);
    }
}
