package org.confab.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.confab.client.ui.ContactsView;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/** Runs against the real client window (useUIHarness, tests off the UI thread). */
class ClientWindowUITest {

    private static <T> T ui(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Display.getDefault().syncExec(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    @Test
    void windowOpensOnTheChatPerspectiveWithContactsAndServerAddress() {
        assertNull(Display.getCurrent(), "the test must not run on the UI thread");
        IWorkbenchWindow window = ui(() -> PlatformUI.getWorkbench().getWorkbenchWindows()[0]);
        Shell shell = ui(window::getShell);
        assertTrue(ui(shell::isVisible), "the window is shown");
        assertEquals("Confab", ui(shell::getText));
        IWorkbenchPage page = ui(window::getActivePage);
        assertEquals("org.confab.client.ui.perspective.chat", ui(() -> page.getPerspective().getId()));
        ContactsView contacts = ui(() -> (ContactsView) page.findView(ContactsView.ID));
        assertNotNull(contacts, "the contacts view is part of the Chat perspective");
        assertEquals("Server: chat.example.test:7800", ui(contacts::statusText),
                "the server address from the launch options reaches the view through the DS settings service");
    }
}
