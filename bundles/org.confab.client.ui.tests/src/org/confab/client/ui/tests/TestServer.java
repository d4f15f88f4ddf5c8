package org.confab.client.ui.tests;

import org.confab.server.api.ServerEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Controls the server that runs in the test framework beside the client. */
final class TestServer {
    private TestServer() {
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
     * {@link #pinTransportPort}, then waits (up to 15 s) for the transport to come back under a new
     * registration, so that nothing connects while it restarts. An already pinned transport may not
     * restart at all; then the wait ends at the deadline and nothing is lost.
     */
    static void pinTransportPortAndWait(BundleContext context, int port) throws Exception {
        Object before = endpointId(context);
        pinTransportPort(context, port);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            Object now = endpointId(context);
            if (now != null && !now.equals(before)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static Object endpointId(BundleContext context) {
        var reference = context.getServiceReference(ServerEndpoint.class);
        return reference == null ? null : reference.getProperty(org.osgi.framework.Constants.SERVICE_ID);
    }

    /**
     * Makes the transport keep the port it picked (it was started on port 0), so that stopping and
     * starting its bundle brings it back where the client reconnects. The configuration change itself
     * restarts the transport once.
     */
    static void pinTransportPort(BundleContext context, int port) throws Exception {
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> tracker = new ServiceTracker<>(context,
                ConfigurationAdmin.class, null);
        tracker.open();
        try {
            Configuration configuration = tracker.waitForService(10_000)
                    .getConfiguration("org.confab.server.transport", null);
            var properties = configuration.getProperties();
            properties.put("port", port);
            configuration.update(properties);
        } finally {
            tracker.close();
        }
    }
}
