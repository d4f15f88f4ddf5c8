package org.confab.client.ui.internal.dialogs;

import java.util.List;
import java.util.Optional;

import org.confab.client.core.KnownServers;
import org.confab.client.core.LoginResult;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ServerAddress;
import org.confab.client.ui.internal.model.Problems;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.confab.client.ui.internal.views.DisplayExecutor;
import org.confab.client.ui.WidgetIds;
import org.confab.discovery.FoundServer;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The first thing a user sees: server, username, password and "remember me", with a link to create an
 * account. Logging in runs in the background; the dialog stays responsive and shows why a login failed
 * (server unreachable, wrong password, account locked) right where the user is looking. A server whose
 * certificate is new or changed is shown to the user to decide on ({@link TrustPrompt}) before the
 * login goes on.
 */
public final class LoginDialog extends TitleAreaDialog {
    public static final String SHELL_ID = "login";

    private final ChatSession session;
    private final List<ServerAddress> defaultServers;
    private final SavedPasswords passwords;
    private final TrustPrompt trust;
    private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER);
    private Text server;
    private Text username;
    private Text password;
    private Button remember;
    private Link register;
    private Label fingerprintNote;
    private LanServersSection lan;
    private boolean busy;
    private LoginResult result;

    public LoginDialog(Shell parent, ChatSession session, ClientSettings settings, SavedPasswords passwords) {
        super(parent);
        this.session = session;
        this.defaultServers = settings.servers();
        this.passwords = passwords;
        this.trust = new TrustPrompt(KnownServers.at(settings.knownServersFile()));
    }

    /** Who logged in, after the dialog closed with OK. */
    public Optional<LoginResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Confab");
        WidgetIds.name(shell, SHELL_ID);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Log in to Confab");
        setMessage("Enter the server's address and your account.");
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        server = Forms.field(form, "Server:", "login.server", SWT.NONE);
        server.setMessage("host:port");
        username = Forms.field(form, "Username:", "login.username", SWT.NONE);
        password = Forms.field(form, "Password:", "login.password", SWT.PASSWORD);
        new Label(form, SWT.NONE);
        remember = WidgetIds.name(new Button(form, SWT.CHECK), "login.remember");
        remember.setText("Remember me (the password is kept encrypted)");
        new Label(form, SWT.NONE);
        register = WidgetIds.name(new Link(form, SWT.NONE), "login.register");
        register.setText("No account yet? <a>Create one\u2026</a>");
        register.addListener(SWT.Selection, e -> openRegistration());
        lan = new LanServersSection(form, this::pick);
        fingerprintNote = WidgetIds.name(new Label(form, SWT.WRAP), "login.lan.fingerprint");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(560, SWT.DEFAULT).applyTo(fingerprintNote);
        prefill();
        lan.search();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, "Log In", true), "login.ok");
        WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, "Quit", false), "login.cancel");
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
            setErrorMessage("The server address is not valid: " + e.getMessage()
                    + ". Use host:port, or for a cluster its nodes separated by commas (a:7777,b:7777).");
            server.setFocus();
            return;
        }
        String address = ServerAddress.format(addresses);
        String user = username.getText().strip();
        if (user.isEmpty() || password.getText().isEmpty()) {
            setErrorMessage(user.isEmpty() ? "Enter your username." : "Enter your password.");
            (user.isEmpty() ? username : password).setFocus();
            return;
        }
        String secret = password.getText();
        setBusy(true);
        setErrorMessage(null);
        setMessage("Logging in to " + address + "\u2026");
        var display = new DisplayExecutor(getShell().getDisplay());
        session.login(addresses, user, secret).whenComplete((login, error) -> display.execute(() -> {
            if (getShell() == null || getShell().isDisposed()) {
                return;
            }
            setBusy(false);
            if (error != null) {
                setMessage("Enter the server's address and your account.");
                if (trust.handle(getShell(), error, this::okPressed, this::setErrorMessage)) {
                    return;
                }
                setErrorMessage(Problems.login(error, address));
                password.setFocus();
                password.selectAll();
                return;
            }
            rememberLogin(address, login.username(), secret);
            result = login;
            super.okPressed();
        }));
    }

    @Override
    protected void cancelPressed() {
        if (busy) {
            session.logout();
        }
        super.cancelPressed();
    }

    /**
     * A server picked from the LAN list: its address goes into the form, its fingerprint next to it. The
     * fingerprint is not trusted here; the trust step still shows the certificate at the first login.
     */
    private void pick(FoundServer found) {
        server.setText(found.address());
        fingerprintNote.setText(found.fingerprint()
                .map(fingerprint -> "Fingerprint announced on the network: " + fingerprint + "\nIt came from the "
                        + "network, where anyone can announce anything: check it against the one your "
                        + "administrator gives you when Confab asks you to trust the server.")
                .orElse("This server announced no TLS: connections to it are not encrypted."));
        LanServersSection.fit(getShell());
        (username.getText().isEmpty() ? username : password).setFocus();
    }

    private void prefill() {
        server.setText(ServerAddress.format(defaultServers));
        username.setText(preferences.get(Preferences.LAST_USER, ""));
        remember.setSelection(preferences.getBoolean(Preferences.REMEMBER, false));
        if (remember.getSelection() && !username.getText().isEmpty()) {
            passwords.load(server.getText(), username.getText()).ifPresent(password::setText);
        }
        (username.getText().isEmpty() ? username : password).setFocus();
    }

    /** Keeps the servers as the list they were given in (a cluster's nodes), and the password under that list. */
    private void rememberLogin(String address, String user, String secret) {
        preferences.put(Preferences.SERVER, address);
        preferences.put(Preferences.LAST_USER, user);
        preferences.putBoolean(Preferences.REMEMBER, remember.getSelection());
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            setErrorMessage("Could not save the settings: " + e.getMessage());
        }
        if (remember.getSelection()) {
            passwords.save(address, user, secret);
        } else {
            passwords.forget(address, user);
        }
    }

    private void openRegistration() {
        RegisterDialog dialog = new RegisterDialog(getShell(), session, server.getText(), trust);
        if (dialog.open() == OK) {
            server.setText(dialog.server());
            username.setText(dialog.username());
            password.setText(dialog.password());
            setErrorMessage(null);
            // the user just proved they know the password: logging in is the obvious next step
            okPressed();
            if (getShell() != null && !getShell().isDisposed() && busy) {
                setMessage("Account \u201C" + dialog.username() + "\u201D created. Logging in\u2026");
            }
        }
    }

    private void setBusy(boolean working) {
        busy = working;
        // first: the focus leaving the fields below must not land on the server list
        lan.setEnabled(!working);
        for (Control control : new Control[] { server, username, password, remember, register,
                getButton(IDialogConstants.OK_ID) }) {
            control.setEnabled(!working);
        }
    }
}
