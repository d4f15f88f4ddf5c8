package org.confab.client.ui.admin.internal.dialogs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.WidgetIds;
import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.BroadcastResult;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** A notice to everybody online now (not stored: who logs in later does not get it). */
public final class BroadcastDialog extends RequestDialog<BroadcastResult> {
    public static final String SHELL_ID = "broadcast";

    private Text text;
    private Label count;

    public BroadcastDialog(Shell parent, AdminClient admin) {
        super(parent, admin, SHELL_ID, "Send a notice to everyone online",
                "Every logged-in user sees it at once, for example that the server restarts soon.");
    }

    @Override
    void createForm(Composite form) {
        text = WidgetIds.name(new Text(form, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "broadcast.text");
        text.setTextLimit(AdminMessages.MAX_NOTICE);
        // Tab moves on to the buttons: a notice has no use for tab characters
        text.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_TAB_NEXT || event.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                event.doit = true;
            }
        });
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(420, 120).applyTo(text);
        count = WidgetIds.name(new Label(form, SWT.NONE), "broadcast.count");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(count);
        text.addModifyListener(e -> {
            count.setText(text.getText().length() + " of " + AdminMessages.MAX_NOTICE + " characters");
            validate();
        });
        count.setText("0 of " + AdminMessages.MAX_NOTICE + " characters");
    }

    @Override
    Optional<String> problem() {
        return text.getText().isBlank() ? Optional.of("Write the notice.") : Optional.empty();
    }

    @Override
    CompletableFuture<BroadcastResult> send() {
        return admin.broadcast(text.getText().strip());
    }
}
