package org.confab.client.ui.internal.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.confab.client.core.KnownServers;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ServerAddress;
import org.confab.client.ui.internal.prefs.Preferences;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@link ClientSettings} from the launcher's {@code confab.server} and {@code confab.client.knownServers}
 * properties and the user's preferences; an explicit launch option wins over the remembered server.
 */
@Component(service = ClientSettings.class)
public final class PreferenceClientSettings implements ClientSettings {
    private final String launchServer;
    private final String launchKnownServers;

    @Activate
    public PreferenceClientSettings(BundleContext context) {
        this.launchServer = context.getProperty("confab.server");
        this.launchKnownServers = context.getProperty("confab.client.knownServers");
    }

    @Override
    public ServerAddress server() {
        return servers().get(0);
    }

    @Override
    public List<ServerAddress> servers() {
        if (launchServer != null && !launchServer.isBlank()) {
            return ServerAddress.parseList(launchServer);
        }
        try {
            return ServerAddress.parseList(string(Preferences.SERVER, Preferences.DEFAULT_SERVER));
        } catch (IllegalArgumentException e) {
            return ServerAddress.parseList(Preferences.DEFAULT_SERVER);
        }
    }

    @Override
    public boolean notificationsEnabled() {
        return preferences().getBoolean(Preferences.QUALIFIER, Preferences.NOTIFICATIONS, true, null);
    }

    @Override
    public Duration requestTimeout() {
        return Duration.ofSeconds(Math.max(2, integer(Preferences.REQUEST_TIMEOUT, Preferences.DEFAULT_REQUEST_TIMEOUT)));
    }

    @Override
    public Duration maxReconnectDelay() {
        return Duration.ofSeconds(Math.max(1,
                integer(Preferences.MAX_RECONNECT_DELAY, Preferences.DEFAULT_MAX_RECONNECT_DELAY)));
    }

    @Override
    public Path knownServersFile() {
        return launchKnownServers == null || launchKnownServers.isBlank() ? KnownServers.userDefault().file()
                : Path.of(launchKnownServers).toAbsolutePath();
    }

    @Override
    public Path downloadDirectory() {
        return Path.of(string(Preferences.DOWNLOADS, Preferences.defaultDownloads()));
    }

    @Override
    public Path screenshotDirectory() {
        return Path.of(string(Preferences.SCREENSHOTS, Preferences.defaultScreenshots()));
    }

    private static String string(String key, String fallback) {
        String value = preferences().getString(Preferences.QUALIFIER, key, fallback, null);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int integer(String key, int fallback) {
        return preferences().getInt(Preferences.QUALIFIER, key, fallback, null);
    }

    private static IPreferencesService preferences() {
        return Platform.getPreferencesService();
    }
}
