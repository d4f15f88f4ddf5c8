package org.confab.client.ui.tests;

import java.util.Dictionary;
import java.util.Hashtable;

import org.confab.server.api.MessageHandler;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers a test's stand-in for a part of the server that this test framework does not contain
 * (plugin management, a cluster node) as a {@link MessageHandler} in the real server's router, the way
 * that part registers its own: the view under test then talks to it over the real socket, through the
 * real login, rate limits and administrator check. Closing takes the types away again, so the server is
 * as it was for the test classes that run after.
 */
final class StandInHandlers {
    /** A registered stand-in; closing it unregisters it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private StandInHandlers() {
    }

    /** Registers {@code handler} for {@code types} in the administrators' rate class. */
    static Registration register(BundleContext context, MessageHandler handler, String... types) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MessageHandler.TYPES, types);
        properties.put(MessageHandler.RATE_CLASS, "admin");
        ServiceRegistration<MessageHandler> registration = context.registerService(MessageHandler.class, handler, properties);
        return registration::unregister;
    }
}
