package org.confab.screenshot.ui.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/**
 * The plugin's preferences (Window > Preferences > Confab > Screenshots), in the instance scope of
 * this bundle: hide the Confab window while capturing, a delay before the capture, and the size limit
 * with what to do above it. Also the initializer of their defaults (plugin.xml).
 */
public final class ScreenshotPreferences extends AbstractPreferenceInitializer {
    static final String QUALIFIER = "org.confab.screenshot.ui";
    static final String HIDE_WINDOW = "hideWindow";
    static final String DELAY_SECONDS = "delaySeconds";
    static final String LIMIT_KIB = "limitKiB";
    static final String WHEN_TOO_LARGE = "whenTooLarge";
    static final String SCALE = "scale";
    static final String REFUSE = "refuse";

    static final boolean DEFAULT_HIDE_WINDOW = true;
    static final int DEFAULT_DELAY_SECONDS = 0;
    static final int DEFAULT_LIMIT_KIB = 8 * 1024;

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(QUALIFIER);
        defaults.putBoolean(HIDE_WINDOW, DEFAULT_HIDE_WINDOW);
        defaults.putInt(DELAY_SECONDS, DEFAULT_DELAY_SECONDS);
        defaults.putInt(LIMIT_KIB, DEFAULT_LIMIT_KIB);
        defaults.put(WHEN_TOO_LARGE, SCALE);
    }

    static boolean hideWindow() {
        return Platform.getPreferencesService().getBoolean(QUALIFIER, HIDE_WINDOW, DEFAULT_HIDE_WINDOW, null);
    }

    /** 0, 3, 5 or 10. */
    static int delaySeconds() {
        return Math.max(0, Math.min(10, Platform.getPreferencesService().getInt(QUALIFIER, DELAY_SECONDS,
                DEFAULT_DELAY_SECONDS, null)));
    }

    static SizeLimit sizeLimit() {
        int kib = Math.max(64, Platform.getPreferencesService().getInt(QUALIFIER, LIMIT_KIB, DEFAULT_LIMIT_KIB, null));
        boolean scale = !REFUSE.equals(Platform.getPreferencesService().getString(QUALIFIER, WHEN_TOO_LARGE, SCALE, null));
        return new SizeLimit(kib * 1024L, scale);
    }
}
