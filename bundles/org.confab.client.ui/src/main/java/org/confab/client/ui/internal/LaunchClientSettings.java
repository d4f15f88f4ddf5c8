package org.confab.client.ui.internal;

import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ServerAddress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@link ClientSettings} from the launcher's {@code confab.server} property. */
@Component(service = ClientSettings.class)
public class LaunchClientSettings implements ClientSettings {

    private final ServerAddress server;

    @Activate
    public LaunchClientSettings(BundleContext context) {
        this.server = ServerAddress.parse(context.getProperty("confab.server"));
    }

    @Override
    public ServerAddress server() {
        return server;
    }
}
