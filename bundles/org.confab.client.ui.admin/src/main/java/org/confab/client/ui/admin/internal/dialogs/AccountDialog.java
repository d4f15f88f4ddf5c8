package org.confab.client.ui.admin.internal.dialogs;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.admin.internal.model.AccountForm;
import org.confab.protocol.messages.AdminMessages.AddUser;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Adds an account (username, display name, password twice, role) or edits one (display name, role,
 * lock). Editing sends only what changed; passwords are reset in {@link PasswordDialog}.
 */
public final class AccountDialog extends RequestDialog<UserEntry> {
    public static final String SHELL_ID = "account";

    private final UserEntry existing;
    private Text username;
    private Text displayName;
    private Text password;
    private Text confirmation;
    private Button administrator;
    private Button locked;

    private AccountDialog(Shell parent, AdminClient admin, UserEntry existing) {
        super(parent, admin, SHELL_ID, existing == null ? "Add account" : "Edit account " + existing.username(),
                existing == null ? "A new account. Once logged in, the user can change the password under Confab \u2192 Change Password."
                        : "Change the display name, the role or the lock.");
        this.existing = existing;
    }

    public static AccountDialog adding(Shell parent, AdminClient admin) {
        return new AccountDialog(parent, admin, null);
    }

    public static AccountDialog editing(Shell parent, AdminClient admin, UserEntry user) {
        return new AccountDialog(parent, admin, Objects.requireNonNull(user));
    }

    @Override
    void createForm(Composite form) {
        username = field(form, "&Username:", "account.username", SWT.NONE);
        displayName = field(form, "&Display name:", "account.displayName", SWT.NONE);
        displayName.setMessage("optional; the username when empty");
        if (existing == null) {
            password = field(form, "&Password:", "account.password", SWT.PASSWORD);
            confirmation = field(form, "&Confirm password:", "account.confirmation", SWT.PASSWORD);
        }
        administrator = check(form, "&Administrator (may manage accounts and kick users)", "account.admin");
        if (existing != null) {
            locked = check(form, "&Locked (cannot log in; open sessions are closed)", "account.locked");
            username.setText(existing.username());
            username.setEditable(false);
            displayName.setText(existing.displayName());
            administrator.setSelection(existing.admin());
            locked.setSelection(existing.locked());
        }
    }

    @Override
    Optional<String> problem() {
        if (existing == null) {
            Optional<String> name = AccountForm.usernameProblem(username.getText());
            if (name.isPresent()) {
                return name;
            }
        }
        Optional<String> shown = AccountForm.displayNameProblem(displayName.getText());
        if (shown.isPresent()) {
            return shown;
        }
        if (existing == null) {
            return AccountForm.passwordProblem(username.getText(), password.getText(), confirmation.getText());
        }
        return changes().isEmpty() ? Optional.of("Nothing changed yet.") : Optional.empty();
    }

    @Override
    CompletableFuture<UserEntry> send() {
        if (existing == null) {
            return admin.addUser(new AddUser(username.getText().strip(), password.getText(),
                    blankToNull(displayName.getText()), administrator.getSelection()));
        }
        return admin.updateUser(changes().orElseThrow());
    }

    /** Only the fields that differ from the account as listed. */
    private Optional<UpdateUser> changes() {
        String name = displayName.getText().strip();
        String newName = !name.isEmpty() && !name.equals(existing.displayName()) ? name : null;
        Boolean role = administrator.getSelection() != existing.admin() ? administrator.getSelection() : null;
        Boolean lock = locked.getSelection() != existing.locked() ? locked.getSelection() : null;
        if (newName == null && role == null && lock == null) {
            return Optional.empty();
        }
        return Optional.of(new UpdateUser(existing.username(), newName, null, role, lock, null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
