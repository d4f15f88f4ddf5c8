package org.confab.client.ui.internal.dialogs;

import java.util.Optional;

import org.confab.client.core.ConfabException;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.WidgetIds;
import org.confab.client.core.AccountRules;
import org.confab.client.ui.internal.model.Problems;
import org.confab.client.ui.internal.views.DisplayExecutor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Confab &gt; Change Password: the current password (the server checks it like a login) and the new
 * one twice, checked against the account rules before anything is sent. Runs in the background; the
 * server's refusal appears next to the field it concerns.
 */
public final class ChangePasswordDialog extends TitleAreaDialog {
    public static final String SHELL_ID = "passwd";

    private final ChatSession session;
    private final String username;
    private Text current;
    private Text password;
    private Text confirmation;
    private Label currentError;
    private Label passwordError;
    private Label confirmationError;
    private boolean busy;
    private String changedTo = "";

    public ChangePasswordDialog(Shell parent, ChatSession session, String username) {
        super(parent);
        this.session = session;
        this.username = username;
    }

    /** The new password, after the dialog closed with OK. */
    public String newPassword() {
        return changedTo;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Change password");
        WidgetIds.name(shell, SHELL_ID);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Change the password of " + username);
        setMessage("At least 8 characters with at least 4 different ones, not containing your username.");
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        current = Forms.field(form, "C&urrent password:", "passwd.current", SWT.PASSWORD);
        currentError = Forms.errorLine(form, "passwd.currentError");
        password = Forms.field(form, "&New password:", "passwd.password", SWT.PASSWORD);
        passwordError = Forms.errorLine(form, "passwd.passwordError");
        confirmation = Forms.field(form, "&Repeat new password:", "passwd.confirmation", SWT.PASSWORD);
        confirmationError = Forms.errorLine(form, "passwd.confirmationError");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, "Change Password", true), "passwd.ok");
        WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false),
                "passwd.cancel");
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        String old = current.getText();
        String next = password.getText();
        if (old.isEmpty()) {
            show(current, currentError, "Enter your current password.");
            return;
        }
        Optional<String> problem = AccountRules.passwordProblem(username, next)
                .or(() -> next.equals(old) ? Optional.of("The new password must differ from the current one.")
                        : Optional.empty());
        if (problem.isPresent()) {
            show(password, passwordError, problem.get());
            return;
        }
        if (!next.equals(confirmation.getText())) {
            show(confirmation, confirmationError, "The new passwords do not match.");
            return;
        }
        show(null, null, "");
        setBusy(true);
        setMessage("Changing the password\u2026");
        var display = new DisplayExecutor(getShell().getDisplay());
        session.changePassword(old, next).whenComplete((done, error) -> display.execute(() -> {
            if (getShell() == null || getShell().isDisposed()) {
                return;
            }
            setBusy(false);
            if (error == null) {
                changedTo = next;
                super.okPressed();
                return;
            }
            setMessage("Correct the marked field and try again.");
            if (Problems.unwrap(error) instanceof ConfabException refusal) {
                switch (refusal.code()) {
                    case AUTH_FAILED -> show(current, currentError, "The current password is wrong.");
                    case WEAK_PASSWORD -> show(password, passwordError, sentence(refusal.getMessage()));
                    case RATE_LIMITED -> show(current, currentError,
                            "Too many wrong passwords. Wait a few minutes and try again.");
                    default -> show(current, null, Problems.describe(refusal) + ".");
                }
            } else {
                show(current, null, Problems.describe(error) + ".");
            }
        }));
    }

    private void show(Text field, Label error, String message) {
        for (Label line : new Label[] { currentError, passwordError, confirmationError }) {
            Forms.setError(line, line == error ? message : "");
        }
        setErrorMessage(message.isEmpty() ? null : error == null ? message : "Correct the field marked in red.");
        if (field != null) {
            field.setFocus();
            field.selectAll();
        }
        var wanted = getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT);
        var size = getShell().getSize();
        getShell().setSize(Math.max(size.x, wanted.x), Math.max(size.y, wanted.y));
    }

    private void setBusy(boolean working) {
        busy = working;
        for (Control control : new Control[] { current, password, confirmation, getButton(IDialogConstants.OK_ID) }) {
            control.setEnabled(!working);
        }
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return "The server refused the new password.";
        }
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1) + (trimmed.endsWith(".") ? "" : ".");
    }
}
