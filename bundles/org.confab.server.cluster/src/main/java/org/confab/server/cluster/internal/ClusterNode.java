package org.confab.server.cluster.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.confab.server.api.AdminService;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.RateClass;
import org.confab.server.api.ServerEndpoint;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.AccountChangeListener;
import org.confab.server.spi.ClusterAdministration;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.LoginGate;
import org.confab.server.spi.OtherNodes;
import org.confab.server.spi.SessionRegistry;
import org.confab.server.spi.StartupFailures;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Makes this server a node of a cluster when PID {@code org.confab.server.cluster} names a NATS
 * {@code url} (see {@link ClusterSettings}): joins, and registers {@link OtherNodes}, {@link LoginGate},
 * an {@link AccountChangeListener}, {@link ClusterAdministration}, the {@code admin.cluster} request and
 * the {@code confab:cluster} console command. Without that configuration (or with an empty url) it registers nothing, and the
 * router's stand-ins keep the node exactly a single server.
 */
@Designate(ocd = ClusterConfig.class)
@Component(immediate = true, configurationPid = "org.confab.server.cluster", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ClusterNode {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final ClusterEngine engine;

    @Activate
    public ClusterNode(@Reference SessionRegistry registry, @Reference ClusterInbox inbox, @Reference AccountCache accounts,
            @Reference AdminService admin, BundleContext context, Map<String, Object> properties) throws Exception {
        ClusterEngine joining = null;
        try {
            ClusterSettings settings = ClusterSettings.from(properties);
            joining = settings.enabled()
                    ? new ClusterEngine(settings, registry, new NodeMessages.Local(registry, inbox, accounts, admin))
                    : null;
        } catch (IllegalArgumentException | IOException e) {
            // a launch with a cluster keeps the port closed until this node's gate is there: say why it
            // never will; the launcher ends the process (a framework without one fails this component)
            if (!reportedFatal(context, e.getMessage())) {
                throw e;
            }
        }
        engine = joining;
        if (engine == null) {
            return;
        }
        registrations.add(context.registerService(LoginGate.class, engine, null));
        registrations.add(context.registerService(new String[] { OtherNodes.class.getName(),
                AccountChangeListener.class.getName() }, engine.messages(), null));
        ClusterView view = new ClusterView(engine, registry);
        ClusterOperations operations = new ClusterOperations(engine, view, admin);
        registrations.add(context.registerService(ClusterAdministration.class, operations, null));
        ClusterStatus status = new ClusterStatus(engine, view, admin, operations);
        Dictionary<String, Object> handler = new Hashtable<>();
        handler.put(MessageHandler.TYPES, ClusterStatus.TYPE);
        handler.put(MessageHandler.RATE_CLASS, RateClass.ADMIN.propertyValue());
        registrations.add(context.registerService(MessageHandler.class, status, handler));
        Dictionary<String, Object> command = new Hashtable<>();
        command.put("osgi.command.scope", "confab");
        command.put("osgi.command.function", new String[] { "cluster" });
        registrations.add(context.registerService(ClusterStatus.class, status, command));
        // last: the transport of a launch with a cluster opens its port on this condition, when every
        // service above is there for the router and administration to bind
        Dictionary<String, Object> gate = new Hashtable<>();
        gate.put(Condition.CONDITION_ID, LoginGate.REGISTERED_CONDITION);
        registrations.add(context.registerService(Condition.class, Condition.INSTANCE, gate));
    }

    private static boolean reportedFatal(BundleContext context, String message) {
        ServiceReference<StartupFailures> reference = context.getServiceReference(StartupFailures.class);
        StartupFailures failures = reference == null ? null : context.getService(reference);
        if (failures == null) {
            return false;
        }
        failures.fatal("cluster", message);
        context.ungetService(reference);
        return true;
    }

    /** Where this node's clients connect, unless configured: the bound address of its Confab endpoint. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEndpoint(ServerEndpoint endpoint) {
        if (engine != null && "confab".equals(endpoint.protocol())) {
            engine.endpointBound(endpoint.address(), endpoint.tlsFingerprint().map(Object::toString).orElse(""));
        }
    }

    void removeEndpoint(ServerEndpoint endpoint) {
        // the address stays what the others last heard; a node without an endpoint serves nobody anyway
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(registration -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework took them already
            }
        });
        if (engine != null) {
            engine.stop();
        }
    }
}
