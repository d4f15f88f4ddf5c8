package org.confab.client.ui.tests;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.confab.server.api.ServerEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Controls the server that runs in the test framework beside the client. */
final class TestServer {
    private TestServer() {
    }

    /** A username no other test uses: the test classes all share this one server. */
    static String newUsername(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    /** The port the server in the test framework listens on, once it does. */
    static int port(BundleContext context) throws InterruptedException {
        return service(context, ServerEndpoint.class).address().getPort();
    }

    /** A service of the framework, waiting for it to appear. */
    static <T> T service(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(60_000);
        if (service == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service within 60 s");
        }
        return service;
    }

    /**
     * {@link #pinTransportPort}, then waits (up to 15 s) for the transport to register again, so that
     * nothing connects while it restarts. A transport already pinned to {@code port} does not restart,
     * so there is nothing to wait for.
     */
    static void pinTransportPortAndWait(BundleContext context, int port) throws Exception {
        CountDownLatch registered = new CountDownLatch(1);
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        context.addServiceListener(listener, "(objectClass=" + ServerEndpoint.class.getName() + ")");
        try {
            if (pinTransportPort(context, port) && !registered.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("the transport did not come back within 15 s after its port was pinned");
            }
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /**
     * Makes the transport keep the port it picked (it was started on port 0), so that stopping and
     * starting its bundle brings it back where the client reconnects. The configuration change itself
     * restarts the transport once; returns false when the port was pinned already (no change, no restart).
     */
    static boolean pinTransportPort(BundleContext context, int port) throws Exception {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        try {
            Configuration configuration = tracker.waitForService(10_000)
                    .getConfiguration("org.confab.server.transport", null);
            var properties = configuration.getProperties();
            if (Integer.valueOf(port).equals(properties.get("port"))) {
                return false;
            }
            properties.put("port", port);
            configuration.update(properties);
            return true;
        } finally {
            tracker.close();
        }
    }
}
