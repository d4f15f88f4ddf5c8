package org.confab.server.plugins.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.confab.provisioning.BuiltInPlugins;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the plugins the server product ships (file transfer) into a data directory's profile the
 * first time the server starts on it, from the product's own repository, audited like an
 * administrator's install. Then it registers the condition {@value BuiltInPlugins#FEATURES_PROPERTY}
 * (also when there was nothing to install, or an install failed and was logged, to be tried at the
 * next start): a launch that names built-in plugins makes the transport require it, so the port opens
 * only after this, and the first client already finds the plugins' types.
 */
@Component(immediate = true)
public class FirstStartPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartPlugins.class);
    private static final String SETTLED = "(" + Condition.CONDITION_ID + "=" + BuiltInPlugins.FEATURES_PROPERTY + ")";

    @Activate
    public FirstStartPlugins(BundleContext context, @Reference PluginAdministration plugins) {
        BuiltInPlugins builtIns = new BuiltInPlugins(context.getProperty(BuiltInPlugins.FEATURES_PROPERTY),
                context.getProperty(BuiltInPlugins.REPOSITORY_PROPERTY), context.getProperty("osgi.install.area"),
                context.getDataFile("built-in-plugins-offered").toPath());
        try {
            BuiltInPlugins.Report report = builtIns.installMissing(plugins::installBuiltIn);
            report.installed().forEach(feature -> LOG.info("installed the built-in plugin {}", feature));
            report.failed().forEach(failure -> LOG.error("could not install a built-in plugin: {}", failure));
        } catch (IOException e) {
            LOG.error("could not read or record which built-in plugins were installed", e);
        }
        registerSettled(context);
    }

    /**
     * Registers the condition unless an earlier activation did: it stays until this bundle stops, so
     * that this component restarting with its references (the audit log, the administration) does not
     * take the transport's port down with it.
     */
    private static void registerSettled(BundleContext context) {
        try {
            if (context.getServiceReferences(Condition.class, SETTLED).isEmpty()) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(Condition.CONDITION_ID, BuiltInPlugins.FEATURES_PROPERTY);
                context.registerService(Condition.class, Condition.INSTANCE, properties);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
