package org.confab.client.ui.internal.dialogs;

import java.util.List;
import java.util.Optional;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ServerAddress;
import org.confab.client.ui.internal.model.RegistrationProblem;
import org.confab.client.ui.internal.model.RegistrationProblem.Field;
import org.confab.client.ui.internal.views.DisplayExecutor;
import org.confab.client.ui.WidgetIds;
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
 * Creates an account. The rules it states are checked before anything is sent (a refused try costs
 * one of the address's few registrations per hour); the server's objections appear under the field
 * they concern. Registration connects too, so a new or changed server certificate is put to the user
 * first, as at login. The login dialog logs the new user in at once.
 */
public final class RegisterDialog extends TitleAreaDialog {
    public static final String SHELL_ID = "register";

    private final ChatSession session;
    private final String initialServer;
    private final TrustPrompt trust;
    private Text server;
    private Text username;
    private Text displayName;
    private Text password;
    private Text confirmation;
    private Label usernameError;
    private Label passwordError;
    private Label confirmationError;
    private boolean busy;
    private String registeredServer = "";
    private String registeredUser = "";
    private String registeredPassword = "";

    RegisterDialog(Shell parent, ChatSession session, String server, TrustPrompt trust) {
        super(parent);
        this.session = session;
        this.initialServer = server;
        this.trust = trust;
    }

    public String server() {
        return registeredServer;
    }

    public String username() {
        return registeredUser;
    }

    public String password() {
        return registeredPassword;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Create a Confab account");
        WidgetIds.name(shell, SHELL_ID);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Create an account");
        setMessage("Usernames: 3 to 32 characters a-z, 0-9, '.', '_', '-', starting with a letter.\n"
                + "Passwords: at least 8 characters, 4 different ones, not containing the username.");
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        server = Forms.field(form, "Server:", "register.server", SWT.NONE);
        server.setText(initialServer);
        username = Forms.field(form, "Username:", "register.username", SWT.NONE);
        usernameError = Forms.errorLine(form, "register.usernameError");
        displayName = Forms.field(form, "Display name:", "register.displayName", SWT.NONE);
        displayName.setMessage("optional, shown to others");
        password = Forms.field(form, "Password:", "register.password", SWT.PASSWORD);
        passwordError = Forms.errorLine(form, "register.passwordError");
        confirmation = Forms.field(form, "Repeat password:", "register.confirmation", SWT.PASSWORD);
        confirmationError = Forms.errorLine(form, "register.confirmationError");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, "Create Account", true), "register.ok");
        WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false), "register.cancel");
    }

    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        List<ServerAddress> addresses;
        try {
            addresses = ServerAddress.parseList(server.getText());
        } catch (IllegalArgumentException e) {
            show(new RegistrationProblem(Field.FORM, "The server address is not valid: " + e.getMessage()));
            return;
        }
        // a cluster's nodes share their accounts: the first node registers, the login gets the whole list
        ServerAddress address = addresses.get(0);
        String user = username.getText().strip();
        String secret = password.getText();
        Optional<RegistrationProblem> local = RegistrationProblem.check(user, displayName.getText(), secret,
                confirmation.getText());
        if (local.isPresent()) {
            show(local.get());
            return;
        }
        show(null);
        setBusy(true);
        setMessage("Creating the account on " + address + "\u2026");
        var display = new DisplayExecutor(getShell().getDisplay());
        session.register(address, user, secret, displayName.getText()).whenComplete((registered, error) ->
                display.execute(() -> {
                    if (getShell() == null || getShell().isDisposed()) {
                        return;
                    }
                    setBusy(false);
                    if (error != null) {
                        setMessage("Correct the marked field and try again.");
                        if (!trust.handle(getShell(), error, this::okPressed,
                                refusal -> show(new RegistrationProblem(Field.FORM, refusal)))) {
                            show(RegistrationProblem.of(error, address.toString()));
                        }
                        return;
                    }
                    registeredServer = ServerAddress.format(addresses);
                    registeredUser = registered.username();
                    registeredPassword = secret;
                    super.okPressed();
                }));
    }

    private void show(RegistrationProblem problem) {
        Forms.setError(usernameError, problem != null && problem.field() == Field.USERNAME ? problem.message() : "");
        Forms.setError(passwordError, problem != null && problem.field() == Field.PASSWORD ? problem.message() : "");
        Forms.setError(confirmationError,
                problem != null && problem.field() == Field.CONFIRMATION ? problem.message() : "");
        setErrorMessage(problem == null ? null
                : problem.field() == Field.FORM ? problem.message() : "Correct the field marked in red.");
        if (problem != null) {
            switch (problem.field()) {
                case USERNAME -> username.setFocus();
                case PASSWORD -> password.setFocus();
                case CONFIRMATION -> confirmation.setFocus();
                case FORM -> server.setFocus();
            }
        }
        var wanted = getShell().computeSize(SWT.DEFAULT, SWT.DEFAULT);
        var size = getShell().getSize();
        getShell().setSize(Math.max(size.x, wanted.x), Math.max(size.y, wanted.y));
    }

    private void setBusy(boolean working) {
        busy = working;
        for (Control control : new Control[] { server, username, displayName, password, confirmation,
                getButton(IDialogConstants.OK_ID) }) {
            control.setEnabled(!working);
        }
    }
}
