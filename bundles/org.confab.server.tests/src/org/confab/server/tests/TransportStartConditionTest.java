package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Protocol;
import org.confab.server.api.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * The transport opens its port only while its start condition is there. A launch that names built-in
 * plugins points it at the condition {@code confab.plugins.builtIn}, which the plugin management bundle
 * (not in this framework) registers once their first-start install is over; here the test registers it.
 */
class TransportStartConditionTest extends ServerTestSupport {
    private static final String TRANSPORT = "org.confab.server.transport";
    private static final String BUILT_IN_PLUGINS = "confab.plugins.builtIn";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(TransportStartConditionTest.class).getBundleContext();

    @Test
    void thePortWaitsForTheBuiltInPluginsCondition() throws Exception {
        Semaphore unregistered = new Semaphore(0);
        Semaphore registered = new Semaphore(0);
        ServiceListener endpoints = event -> {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                unregistered.release();
            } else if (event.getType() == ServiceEvent.REGISTERED) {
                registered.release();
            }
        };
        CONTEXT.addServiceListener(endpoints, "(objectClass=" + ServerEndpoint.class.getName() + ")");
        ServiceRegistration<Condition> settled = null;
        Dictionary<String, Object> original = reconfigure(TRANSPORT,
                Map.of("startCondition.target", "(osgi.condition.id=" + BUILT_IN_PLUGINS + ")"));
        try {
            assertTrue(unregistered.tryAcquire(30, TimeUnit.SECONDS), "the port stayed open without the condition");
            assertNull(CONTEXT.getServiceReference(ServerEndpoint.class), "an endpoint before the plugins settled");

            Dictionary<String, Object> id = new Hashtable<>();
            id.put(Condition.CONDITION_ID, BUILT_IN_PLUGINS);
            settled = CONTEXT.registerService(Condition.class, Condition.INSTANCE, id);
            assertTrue(registered.tryAcquire(30, TimeUnit.SECONDS), "the port did not open with the condition");
            try (TestClient client = new TestClient(server())) {
                assertEquals("hello.ok", client.hello(Protocol.VERSION).type());
            }
        } finally {
            restore(TRANSPORT, original);
            if (settled != null) {
                // the transport restarts for its default target (the framework's true condition)
                assertTrue(registered.tryAcquire(30, TimeUnit.SECONDS), "the port did not open again");
                settled.unregister();
            }
            CONTEXT.removeServiceListener(endpoints);
        }
    }
}
