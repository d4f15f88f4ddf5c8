package org.confab.client.ui.plugins.internal;

import java.io.IOException;

import org.confab.provisioning.BuiltInPlugins;
import org.confab.provisioning.P2Provisioner;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.provisional.configurator.Configurator;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Installs the plugins the client product ships (file transfer, screenshots) into this client
 * configuration's profile the first time it starts, from the product's own repository, with the same
 * p2 code as the server. The product starts this bundle at start level 5, before the workbench, so
 * the first window already has the plugins; once removed on the Plugins page they stay removed.
 */
@Component(immediate = true)
public class FirstStartPlugins {
    @Activate
    public FirstStartPlugins(BundleContext context,
            @Reference(target = "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)") IProvisioningAgent agent,
            @Reference Configurator configurator) {
        ILog log = Platform.getLog(FirstStartPlugins.class);
        P2Provisioner provisioner = new P2Provisioner(agent, configurator);
        BuiltInPlugins builtIns = new BuiltInPlugins(context.getProperty(BuiltInPlugins.FEATURES_PROPERTY),
                context.getProperty(BuiltInPlugins.REPOSITORY_PROPERTY), context.getProperty("osgi.install.area"),
                context.getDataFile("built-in-plugins-offered").toPath());
        try {
            BuiltInPlugins.Report report = builtIns.installMissing((repository, feature) -> provisioner.install(repository, feature)
                    .warnings().forEach(warning -> log.warn(feature + ": " + warning)));
            report.installed().forEach(feature -> log.info("installed the built-in plugin " + feature));
            report.failed().forEach(failure -> log.error("could not install a built-in plugin: " + failure));
        } catch (IOException e) {
            log.log(new Status(IStatus.ERROR, context.getBundle().getSymbolicName(),
                    "could not read or record which built-in plugins were installed", e));
        }
    }
}
