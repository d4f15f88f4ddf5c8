package org.confab.client.ui;

/**
 * Variables the client publishes in the workbench's {@code IEclipseContext}, for plugins to use in
 * {@code visibleWhen}/{@code enabledWhen} expressions of their menu contributions, for example
 * {@code <with variable="org.confab.client.ui.administrator"><equals value="true"/></with>}. They only
 * steer what is shown: the server checks every request on its own.
 */
public final class UiVariables {
    /** {@link Boolean}: whether the user logged in now has the admin role; false while logged out. */
    public static final String ADMINISTRATOR = "org.confab.client.ui.administrator";

    private UiVariables() {
    }
}
