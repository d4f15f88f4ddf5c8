package org.confab.client.ui.internal.views;

import java.util.concurrent.Executor;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/**
 * Runs tasks later on the display thread; once the display is gone (the application is shutting down
 * while network events still arrive) tasks are dropped instead of failing the caller's thread.
 */
public final class DisplayExecutor implements Executor {
    private final Display display;

    public DisplayExecutor(Display display) {
        this.display = display;
    }

    @Override
    public void execute(Runnable task) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(task);
        } catch (SWTException e) {
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }
}
