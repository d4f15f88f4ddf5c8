package org.confab.client.ui.internal.views;

import java.util.List;
import java.util.Optional;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.IdleAway;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.protocol.messages.PresenceStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

/**
 * The user's own status (Available, Away, Busy) above the contacts, and auto-away: after the
 * preference's idle minutes without a key or mouse event anywhere in the application an available user
 * becomes away, and the next event makes them available again.
 */
final class StatusChooser {
    static final String ID = "contacts.status";
    private static final List<String> LABELS = List.of("Available", "Away", "Busy");
    private static final int CHECK_MILLIS = 15_000;
    private static final int[] ACTIVITY = { SWT.KeyDown, SWT.MouseDown, SWT.MouseMove, SWT.MouseWheel };

    private final ChatController controller;
    private final Combo combo;
    private final Display display;
    private final IdleAway idle = new IdleAway(System.currentTimeMillis());
    private final Listener activity = event -> idle.activity(System.currentTimeMillis()).ifPresent(this::apply);
    private final Runnable showStatus = this::showStatus;
    private final Runnable check = this::check;

    StatusChooser(Composite parent, ChatController controller) {
        this.controller = controller;
        this.display = parent.getDisplay();
        combo = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), ID);
        LABELS.forEach(combo::add);
        combo.setToolTipText("What others see next to your name");
        combo.addListener(SWT.Selection, e -> {
            idle.chosen();
            controller.setStatus(PresenceStatus.ALL.get(combo.getSelectionIndex()));
        });
        controller.addConnectionObserver(showStatus);
        for (int type : ACTIVITY) {
            display.addFilter(type, activity);
        }
        display.timerExec(CHECK_MILLIS, check);
        showStatus();
    }

    void dispose() {
        controller.removeConnectionObserver(showStatus);
        for (int type : ACTIVITY) {
            display.removeFilter(type, activity);
        }
        display.timerExec(-1, check);
    }

    private void checkIdle() {
        Optional<String> next = idle.check(System.currentTimeMillis(),
                Preferences.number(Preferences.AUTO_AWAY_MINUTES, Preferences.DEFAULT_AUTO_AWAY_MINUTES) * 60_000L,
                controller.status());
        next.ifPresent(this::apply);
    }

    private void check() {
        if (combo.isDisposed()) {
            return;
        }
        if (controller.self().isPresent()) {
            checkIdle();
        }
        display.timerExec(CHECK_MILLIS, check);
    }

    private void apply(String status) {
        if (controller.self().isPresent()) {
            controller.setStatus(status);
        }
    }

    private void showStatus() {
        if (!combo.isDisposed()) {
            combo.select(PresenceStatus.ALL.indexOf(controller.status()));
            combo.setEnabled(controller.self().isPresent());
        }
    }
}
