package org.confab.client.ui.internal;

import java.nio.file.Path;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The Confab client application: runs the workbench until the user closes the window or quits. */
public class ConfabApplication implements IApplication {
    private static final long SERVICE_TIMEOUT_MILLIS = 30_000;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(ConfabApplication.class);
        ChatSession session = await(bundle, ChatSession.class);
        ClientSettings settings = await(bundle, ClientSettings.class);
        Path storage = Platform.getStateLocation(bundle).append("secure_storage").toPath();
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display,
                    new ConfabWorkbenchAdvisor(session, settings, new SavedPasswords(storage)));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }

    private static <T> T await(Bundle bundle, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(SERVICE_TIMEOUT_MILLIS);
        if (service == null) {
            throw new IllegalStateException("no " + type.getName() + " service: is Felix SCR running?");
        }
        return service;
    }
}
