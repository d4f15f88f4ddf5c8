package org.confab.server.plugins.internal;

import java.io.IOException;

import org.confab.provisioning.BuiltInPlugins;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the plugins the server product ships (file transfer) into a data directory's profile the
 * first time the server starts on it, from the product's own repository, audited like an
 * administrator's install. It runs while this bundle starts (start level 5), before the transport
 * (start level 6) opens the port, so the first client already finds the plugins' types.
 */
@Component(immediate = true)
public class FirstStartPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartPlugins.class);

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
    }
}
