package org.confab.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.confab.protocol.Protocol;
import org.confab.server.api.ServerEndpoint;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * The transport opens its port only while its start conditions are there. A launch that names built-in
 * plugins points it at the condition {@code confab.plugins.builtIn}, which the plugin management bundle
 * (not in this framework) registers once their first-start install is over; a launch with a cluster adds
 * {@code confab.cluster.loginGate}, which the cluster bundle registers once its login gate is in place.
 * Here the test registers them.
 */
class TransportStartConditionTest extends ServerTestSupport {
    private static final String TRANSPORT = "org.confab.server.transport";
    private static final String BUILT_IN_PLUGINS = "confab.plugins.builtIn";
    private static final String CLUSTER_LOGIN_GATE = "confab.cluster.loginGate";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(TransportStartConditionTest.class).getBundleContext();

    /** The transport's endpoint service coming and going: its port opening and closing. */
    private static final class EndpointEvents implements ServiceListener, AutoCloseable {
        final Semaphore unregistered = new Semaphore(0);
        final Semaphore registered = new Semaphore(0);

        EndpointEvents() throws InvalidSyntaxException {
            CONTEXT.addServiceListener(this, "(objectClass=" + ServerEndpoint.class.getName() + ")");
        }

        @Override
        public void serviceChanged(ServiceEvent event) {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                unregistered.release();
            } else if (event.getType() == ServiceEvent.REGISTERED) {
                registered.release();
            }
        }

        @Override
        public void close() {
            CONTEXT.removeServiceListener(this);
        }
    }

    @Test
    void thePortWaitsForTheBuiltInPluginsCondition() throws Exception {
        waitsFor(Map.of("startCondition.target", "(osgi.condition.id=" + BUILT_IN_PLUGINS + ")"), BUILT_IN_PLUGINS);
    }

    /** With a cluster and built-in plugins (as {@code LaunchOptions} sets it): both, not either. */
    @Test
    void thePortWaitsForEveryConditionItNeeds() throws Exception {
        waitsFor(Map.of("startCondition.target",
                "(|(osgi.condition.id=" + BUILT_IN_PLUGINS + ")(osgi.condition.id=" + CLUSTER_LOGIN_GATE + "))",
                "startCondition.cardinality.minimum", 2), CLUSTER_LOGIN_GATE, BUILT_IN_PLUGINS);
    }

    /**
     * Configures the transport, then registers the conditions one by one: the port stays closed until
     * the last one is there, and then opens.
     */
    private static void waitsFor(Map<String, Object> configuration, String... conditionIds) throws Exception {
        List<ServiceRegistration<Condition>> conditions = new ArrayList<>();
        try (EndpointEvents endpoints = new EndpointEvents()) {
            Dictionary<String, Object> original = reconfigure(TRANSPORT, configuration);
            try {
                assertTrue(endpoints.unregistered.tryAcquire(30, TimeUnit.SECONDS), "the port stayed open without the conditions");
                for (int i = 0; i < conditionIds.length - 1; i++) {
                    conditions.add(condition(conditionIds[i]));
                    assertFalse(endpoints.registered.tryAcquire(2, TimeUnit.SECONDS),
                            "the port opened without " + List.of(conditionIds).subList(i + 1, conditionIds.length));
                }
                assertNull(CONTEXT.getServiceReference(ServerEndpoint.class), "an endpoint before every condition was there");

                conditions.add(condition(conditionIds[conditionIds.length - 1]));
                assertTrue(endpoints.registered.tryAcquire(30, TimeUnit.SECONDS), "the port did not open with the conditions");
                try (TestClient client = new TestClient(server())) {
                    assertEquals("hello.ok", client.hello(Protocol.VERSION).type());
                }
            } finally {
                restore(TRANSPORT, original);
                if (conditions.size() == conditionIds.length) {
                    // the transport restarts for its default target (the framework's true condition)
                    assertTrue(endpoints.registered.tryAcquire(30, TimeUnit.SECONDS), "the port did not open again");
                }
                conditions.forEach(ServiceRegistration::unregister);
            }
        }
    }

    private static ServiceRegistration<Condition> condition(String id) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Condition.CONDITION_ID, id);
        return CONTEXT.registerService(Condition.class, Condition.INSTANCE, properties);
    }
}
