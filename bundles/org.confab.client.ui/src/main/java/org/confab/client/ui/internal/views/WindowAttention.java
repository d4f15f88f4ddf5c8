package org.confab.client.ui.internal.views;

import java.util.Optional;
import java.util.function.Supplier;

import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.internal.model.Attention;
import org.confab.client.ui.internal.model.SoundThrottle;
import org.confab.client.ui.internal.prefs.Preferences;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;

/** {@link Attention} for the workbench window: focus, visible conversations, popups, sounds. */
public final class WindowAttention implements Attention {
    private final IWorkbench workbench;
    private final Supplier<ClientSettings> settings;
    private final SoundThrottle sounds = new SoundThrottle();
    private IncomingSound sound;

    public WindowAttention(IWorkbench workbench, Supplier<ClientSettings> settings) {
        this.workbench = workbench;
        this.settings = settings;
    }

    @Override
    public boolean isLookingAt(String peer) {
        return window().filter(WindowAttention::focused).flatMap(w -> visibleConversation(w, peer)).isPresent();
    }

    @Override
    public void messageArrived(String peer, String senderName, String text) {
        if (sounds.shouldPlay(System.currentTimeMillis(), Preferences.flag(Preferences.SOUNDS, true), isLookingAt(peer))) {
            if (sound == null) {
                sound = new IncomingSound(workbench.getDisplay());
            }
            sound.play();
        }
        Optional<IWorkbenchWindow> window = window();
        if (window.isEmpty() || focused(window.get()) || !settings.get().notificationsEnabled()) {
            return;
        }
        Shell shell = window.get().getShell();
        NotificationPopup.show(workbench.getDisplay(), senderName, text, () -> {
            shell.setMinimized(false);
            shell.forceActive();
            Workbench.openConversation(window.get(), peer, true);
        });
    }

    @Override
    public void showConversation(String peer) {
        window().ifPresent(w -> Workbench.openConversation(w, peer, false));
    }

    /** Closes the message popups: at logout they would show the previous user's messages to the next. */
    public static void closePopups(Display display) {
        NotificationPopup.closeAll(display);
    }

    /** Whether the window is the active shell and not minimised. */
    public static boolean focused(IWorkbenchWindow window) {
        Shell shell = window.getShell();
        Display display = shell.getDisplay();
        return !shell.getMinimized() && display.getActiveShell() == shell;
    }

    private Optional<IWorkbenchWindow> window() {
        IWorkbenchWindow[] windows = workbench.getWorkbenchWindows();
        return windows.length == 0 ? Optional.empty() : Optional.of(windows[0]);
    }

    private static Optional<ConversationEditor> visibleConversation(IWorkbenchWindow window, String peer) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return Optional.empty();
        }
        for (IEditorReference reference : page.getEditorReferences()) {
            if (reference.getEditor(false) instanceof ConversationEditor editor && editor.peer().equals(peer)
                    && page.isPartVisible(editor)) {
                return Optional.of(editor);
            }
        }
        return Optional.empty();
    }
}
