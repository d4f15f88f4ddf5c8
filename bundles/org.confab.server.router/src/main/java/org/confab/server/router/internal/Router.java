package org.confab.server.router.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.Frame;
import org.confab.protocol.ProtocolException;
import org.confab.protocol.messages.MessageTypes;
import org.confab.protocol.messages.Messages.ErrorBody;
import org.confab.server.api.ClientSession;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.RateClass;
import org.confab.server.api.StorageException;
import org.confab.server.router.internal.RouteTable.Claim;
import org.confab.server.spi.FrameDispatcher;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every frame to the {@link MessageHandler} service that owns its type (the whiteboard
 * through which core features and plugins alike add message types), charges it to the budget of the
 * handler's rate class, enforces login where a handler needs it, and turns failures into error frames
 * so that nothing a client sends can take the server down.
 */
@Component(service = { FrameDispatcher.class, Router.class })
public class Router implements FrameDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final RouteTable routes = new RouteTable();
    private final PresenceBroadcaster presence;
    private final AbuseLimits limits;
    private final SessionEvents sessionEvents;

    /**
     * The login and chat handlers are required (not merely collected) so that the dispatcher, and
     * with it the transport, only appears once users can log in and chat: otherwise a client that
     * connects during start-up could be told that auth.start is an unknown type.
     */
    @Activate
    public Router(@Reference PresenceBroadcaster presence, @Reference AbuseLimits limits,
            @Reference SessionEvents sessionEvents,
            @Reference(target = "(" + MessageHandler.TYPES + "=" + MessageTypes.AUTH_START + ")") MessageHandler login,
            @Reference(target = "(" + MessageHandler.TYPES + "=" + MessageTypes.CHAT_SEND + ")") MessageHandler chat) {
        this.presence = presence;
        this.limits = limits;
        this.sessionEvents = sessionEvents;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(MessageHandler handler, ServiceReference<MessageHandler> reference) {
        Claim claim = claim(handler, reference);
        for (RouteTable.Conflict conflict : routes.add(claim, types(reference.getProperty(MessageHandler.TYPES)))) {
            LOG.error("refused {} for message type {}: it is already handled by {}; the new handler waits and takes"
                    + " over if that one goes away", conflict.refused().name(), conflict.type(), conflict.owner().name());
        }
    }

    void removeHandler(MessageHandler handler) {
        routes.remove(handler).forEach((type, next) ->
                LOG.warn("message type {} is now handled by {}, which was waiting for it", type, next.name()));
    }

    private static Claim claim(MessageHandler handler, ServiceReference<MessageHandler> reference) {
        Object loginProperty = reference.getProperty(MessageHandler.REQUIRES_LOGIN);
        boolean requiresLogin = !Boolean.FALSE.equals(loginProperty) && !"false".equals(loginProperty);
        Object rateProperty = reference.getProperty(MessageHandler.RATE_CLASS);
        RateClass rateClass = RateClass.fromPropertyValue(rateProperty == null ? RateClass.CHAT.propertyValue() : rateProperty)
                .orElseGet(() -> {
                    LOG.error("{} names an unknown rate class '{}'; its types count as chat", handler, rateProperty);
                    return RateClass.CHAT;
                });
        Bundle bundle = reference.getBundle();
        String name = handler.getClass().getName() + " (service " + reference.getProperty(Constants.SERVICE_ID)
                + (bundle == null ? "" : ", bundle " + bundle.getSymbolicName()) + ")";
        Version version = bundle == null ? Version.emptyVersion : bundle.getVersion();
        Object capability = reference.getProperty(MessageHandler.CAPABILITY);
        Optional<String> capabilityName = capability instanceof String text && Frame.isValidType(text)
                ? Optional.of(text) : Optional.empty();
        return new Claim(handler, name, requiresLogin, rateClass, capabilityName,
                version.getMajor() + "." + version.getMinor() + "." + version.getMicro());
    }

    private static List<String> types(Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        return value instanceof String[] many ? List.of(many) : List.of();
    }

    /** Every claimed type with its owner first and its standbys after it, for the console. */
    Map<String, List<Claim>> routes() {
        return routes.snapshot();
    }

    @Override
    public Map<String, String> capabilities() {
        return routes.capabilities();
    }

    @Override
    public void dispatch(ClientSession session, Frame frame) {
        Optional<Claim> route = routes.owner(frame.type());
        try {
            // every frame counts against the session's rate, whatever becomes of it
            limits.request(session, route.map(Claim::rateClass).orElse(RateClass.CHAT));
        } catch (ProtocolException e) {
            sendError(session, frame, e);
            return;
        }
        if (route.isEmpty()) {
            session.sendError(frame.rid(), ErrorCode.UNKNOWN_TYPE, "unknown message type '" + frame.type() + "'");
            return;
        }
        if (route.get().requiresLogin() && session.username().isEmpty()) {
            session.sendError(frame.rid(), ErrorCode.NOT_AUTHENTICATED, "log in first");
            return;
        }
        try {
            route.get().handler().handle(session, frame);
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
        sessionEvents.ended(session);
    }
}
