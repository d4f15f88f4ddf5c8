package org.confab.server.cluster.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.confab.server.api.AdminService;
import org.confab.server.api.MessageHandler;
import org.confab.server.api.RateClass;
import org.confab.server.spi.AccountCache;
import org.confab.server.spi.AccountChangeListener;
import org.confab.server.spi.ClusterInbox;
import org.confab.server.spi.LoginGate;
import org.confab.server.spi.OtherNodes;
import org.confab.server.spi.SessionRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes this server a node of a cluster when PID {@code org.confab.server.cluster} names a NATS
 * {@code url} (see {@link ClusterSettings}): joins, and registers {@link OtherNodes}, {@link LoginGate},
 * an {@link AccountChangeListener}, the {@code admin.cluster} request and the {@code confab:cluster}
 * console command. Without that configuration (or with an empty url) it registers nothing, and the
 * router's stand-ins keep the node exactly a single server.
 */
@Component(immediate = true, configurationPid = "org.confab.server.cluster", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ClusterNode {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final ClusterEngine engine;

    @Activate
    public ClusterNode(@Reference SessionRegistry registry, @Reference ClusterInbox inbox, @Reference AccountCache accounts,
            @Reference AdminService admin, BundleContext context, Map<String, Object> properties) throws Exception {
        ClusterSettings settings = ClusterSettings.from(properties);
        if (!settings.enabled()) {
            engine = null;
            return;
        }
        engine = new ClusterEngine(settings, registry, new NodeMessages.Local(registry, inbox, accounts));
        registrations.add(context.registerService(LoginGate.class, engine, null));
        registrations.add(context.registerService(new String[] { OtherNodes.class.getName(),
                AccountChangeListener.class.getName() }, engine.messages(), null));
        ClusterStatus status = new ClusterStatus(engine, registry, admin);
        Dictionary<String, Object> handler = new Hashtable<>();
        handler.put(MessageHandler.TYPES, ClusterStatus.TYPE);
        handler.put(MessageHandler.RATE_CLASS, RateClass.ADMIN.propertyValue());
        registrations.add(context.registerService(MessageHandler.class, status, handler));
        Dictionary<String, Object> command = new Hashtable<>();
        command.put("osgi.command.scope", "confab");
        command.put("osgi.command.function", new String[] { "cluster" });
        registrations.add(context.registerService(ClusterStatus.class, status, command));
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
