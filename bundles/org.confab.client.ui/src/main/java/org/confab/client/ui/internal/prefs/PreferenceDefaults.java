package org.confab.client.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/** The defaults of {@link Preferences}, registered through {@code org.eclipse.core.runtime.preferences}. */
public class PreferenceDefaults extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(Preferences.QUALIFIER);
        defaults.put(Preferences.SERVER, Preferences.DEFAULT_SERVER);
        defaults.putBoolean(Preferences.REMEMBER, false);
        defaults.putBoolean(Preferences.NOTIFICATIONS, true);
        defaults.putInt(Preferences.REQUEST_TIMEOUT, Preferences.DEFAULT_REQUEST_TIMEOUT);
        defaults.putInt(Preferences.MAX_RECONNECT_DELAY, Preferences.DEFAULT_MAX_RECONNECT_DELAY);
        defaults.put(Preferences.DOWNLOADS, Preferences.defaultDownloads());
        defaults.put(Preferences.SCREENSHOTS, Preferences.defaultScreenshots());
        defaults.putBoolean(Preferences.SEND_TYPING, true);
        defaults.putBoolean(Preferences.READ_RECEIPTS, true);
        defaults.putBoolean(Preferences.SOUNDS, true);
        defaults.putInt(Preferences.AUTO_AWAY_MINUTES, Preferences.DEFAULT_AUTO_AWAY_MINUTES);
    }
}
