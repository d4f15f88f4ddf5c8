package org.confab.client.ui.admin.internal.dialogs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.admin.internal.model.AccountForm;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Sets a new password for an account, typed twice; the server stores only its salted hash. */
public final class PasswordDialog extends RequestDialog<UserEntry> {
    public static final String SHELL_ID = "password";

    private final String username;
    private Text password;
    private Text confirmation;

    public PasswordDialog(Shell parent, AdminClient admin, String username) {
        super(parent, admin, SHELL_ID, "Reset password of " + username,
                "Give the new password to the user by a safe way; they can change it under Confab \u2192 Change Password.");
        this.username = username;
    }

    @Override
    void createForm(Composite form) {
        password = field(form, "&New password:", "password.password", SWT.PASSWORD);
        confirmation = field(form, "&Confirm:", "password.confirmation", SWT.PASSWORD);
    }

    @Override
    Optional<String> problem() {
        return AccountForm.passwordProblem(username, password.getText(), confirmation.getText());
    }

    @Override
    CompletableFuture<UserEntry> send() {
        return admin.updateUser(new UpdateUser(username, null, password.getText(), null, null, null));
    }
}
