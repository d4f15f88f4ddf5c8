package org.confab.client.ui.internal.prefs;

import java.nio.file.Path;

/** Keys and defaults of the client's preferences (instance scope of this bundle). */
public final class Preferences {
    public static final String QUALIFIER = "org.confab.client.ui";
    public static final String SERVER = "server";
    public static final String LAST_USER = "lastUser";
    public static final String REMEMBER = "rememberPassword";
    public static final String NOTIFICATIONS = "notifications";
    public static final String REQUEST_TIMEOUT = "requestTimeoutSeconds";
    public static final String MAX_RECONNECT_DELAY = "maxReconnectDelaySeconds";
    public static final String DOWNLOADS = "downloadDirectory";
    public static final String SCREENSHOTS = "screenshotDirectory";

    public static final String DEFAULT_SERVER = "localhost:7777";
    public static final int DEFAULT_REQUEST_TIMEOUT = 15;
    public static final int DEFAULT_MAX_RECONNECT_DELAY = 10;

    private Preferences() {
    }

    public static String defaultDownloads() {
        return Path.of(System.getProperty("user.home"), "Downloads", "Confab").toString();
    }

    public static String defaultScreenshots() {
        return Path.of(System.getProperty("user.home"), "Pictures", "Confab").toString();
    }
}
