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
    /** Whether peers are told while this user types to them. */
    public static final String SEND_TYPING = "sendTypingNotices";
    /** Whether read receipts go both ways: off, none are sent and none of others' are shown. */
    public static final String READ_RECEIPTS = "readReceipts";
    /** Whether an incoming message plays a sound (not for the conversation in view; at most every 2 s). */
    public static final String SOUNDS = "playSounds";
    /** Minutes without keyboard or mouse after which an available user shows as away; 0 = never. */
    public static final String AUTO_AWAY_MINUTES = "autoAwayMinutes";

    public static final String DEFAULT_SERVER = "localhost:7777";
    public static final int DEFAULT_REQUEST_TIMEOUT = 15;
    public static final int DEFAULT_MAX_RECONNECT_DELAY = 10;
    public static final int DEFAULT_AUTO_AWAY_MINUTES = 10;

    /** A boolean preference of this bundle (instance scope over the defaults). */
    public static boolean flag(String key, boolean otherwise) {
        return org.eclipse.core.runtime.Platform.getPreferencesService().getBoolean(QUALIFIER, key, otherwise, null);
    }

    /** A number preference of this bundle (instance scope over the defaults). */
    public static int number(String key, int otherwise) {
        return org.eclipse.core.runtime.Platform.getPreferencesService().getInt(QUALIFIER, key, otherwise, null);
    }

    private Preferences() {
    }

    public static String defaultDownloads() {
        return Path.of(System.getProperty("user.home"), "Downloads", "Confab").toString();
    }

    public static String defaultScreenshots() {
        return Path.of(System.getProperty("user.home"), "Pictures", "Confab").toString();
    }
}
