package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for services of the running server. */
final class Services {
    private Services() {
    }

    static <T> T await(Class<T> type, long timeoutMillis) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(timeoutMillis);
        assertNotNull(service, "no " + type.getName() + " service after " + timeoutMillis + " ms; bundles: "
                + Arrays.stream(context.getBundles()).map(b -> b.getSymbolicName() + "=" + b.getState())
                        .collect(Collectors.joining(", ")));
        return service;
    }
}
