package org.confab.client.ui.admin.internal.dialogs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.BanLength;
import org.confab.protocol.messages.AdminMessages;
import org.confab.protocol.messages.AdminMessages.Kick;
import org.confab.protocol.messages.AdminMessages.KickResult;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/** Closes every session of a user with a reason they are shown, optionally refusing their logins a while. */
public final class KickDialog extends RequestDialog<KickResult> {
    public static final String SHELL_ID = "kick";

    private final String username;
    private Text reason;
    private Button ban;
    private Spinner amount;
    private Combo unit;

    public KickDialog(Shell parent, AdminClient admin, String username) {
        super(parent, admin, SHELL_ID, "Kick " + username,
                "Closes every session of " + username + ". The reason is shown to them.");
        this.username = username;
    }

    @Override
    void createForm(Composite form) {
        reason = field(form, "&Reason:", "kick.reason", SWT.NONE);
        reason.setTextLimit(AdminMessages.MAX_REASON);
        reason.setMessage("shown to the user, for example: please stop flooding");
        ban = check(form, "&Ban from logging in for", "kick.ban");
        new org.eclipse.swt.widgets.Label(form, SWT.NONE);
        Composite length = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(length);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(length);
        amount = WidgetIds.name(new Spinner(length, SWT.BORDER), "kick.banAmount");
        amount.setValues(1, 1, 999, 0, 1, 10);
        unit = WidgetIds.name(new Combo(length, SWT.READ_ONLY), "kick.banUnit");
        for (BanLength each : BanLength.values()) {
            unit.add(each.label());
        }
        unit.select(BanLength.HOURS.ordinal());
        amount.addModifyListener(e -> validate());
        unit.addListener(SWT.Selection, e -> validate());
        ban.addListener(SWT.Selection, e -> enableBan());
        enableBan();
    }

    private void enableBan() {
        amount.setEnabled(ban.getSelection());
        unit.setEnabled(ban.getSelection());
    }

    @Override
    Optional<String> problem() {
        if (ban.getSelection() && banMinutes().isEmpty()) {
            return Optional.of("A ban lasts from one minute to 365 days.");
        }
        return Optional.empty();
    }

    @Override
    CompletableFuture<KickResult> send() {
        String why = reason.getText().strip();
        return admin.kick(new Kick(username, why.isEmpty() ? null : why, ban.getSelection() ? banMinutes().orElseThrow() : null));
    }

    private Optional<Integer> banMinutes() {
        return BanLength.values()[Math.max(0, unit.getSelectionIndex())].minutes(amount.getSelection());
    }
}
