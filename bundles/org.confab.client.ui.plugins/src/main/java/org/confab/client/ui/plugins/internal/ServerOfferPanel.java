package org.confab.client.ui.plugins.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.confab.client.core.ConfabException;
import org.confab.client.ui.ChatSession;
import org.confab.client.core.ConnectionState;
import org.confab.protocol.ErrorCode;
import org.confab.protocol.messages.PluginMessages;
import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * "Offered by the server" on the Plugins page: the p2 repository the server's operator offers
 * ({@code plugin.repository}). It is only shown, with the server it came from; adding it needs the
 * user's explicit yes to a question that names both, and installing from it then goes through p2's
 * wizard (with its own warning about unsigned content). The address never comes from another user:
 * chat messages cannot add repositories (docs/security.md, "Plugin repositories").
 */
final class ServerOfferPanel {
    static final String ADDRESS_ID = "org.confab.client.ui.plugins.offered";
    static final String ADD_ID = "org.confab.client.ui.plugins.offered.add";

    private final ProvisioningUI ui;
    private final Label address;
    private final Button add;
    private URI offered;
    private String server = "";

    ServerOfferPanel(Composite parent, ProvisioningUI ui, Optional<ChatSession> session) {
        this.ui = ui;
        Group group = new Group(parent, SWT.NONE);
        group.setText("Offered by the server");
        group.setLayout(new GridLayout(2, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        address = new Label(group, SWT.WRAP);
        address.setData(ADDRESS_ID, ADDRESS_ID);
        address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        add = new Button(group, SWT.PUSH);
        add.setData(ADD_ID, ADD_ID);
        add.setText("A&dd and browse…");
        add.setEnabled(false);
        add.addListener(SWT.Selection, event -> addAfterAsking());
        ask(session);
    }

    private void ask(Optional<ChatSession> session) {
        if (session.isEmpty() || session.get().state() == ConnectionState.DISCONNECTED || session.get().server().isEmpty()) {
            address.setText("Not connected to a server.");
            return;
        }
        server = session.get().server().get().toString();
        address.setText("Asking " + server + "…");
        session.get().request(PluginMessages.REPOSITORY, JsonNodeFactory.instance.objectNode()).whenComplete((answer, failure) -> {
            String repository = failure == null ? answer.path("repository").asText("") : "";
            String text;
            if (failure != null && !unknownType(failure)) {
                text = server + " did not say which plugin repository it offers: " + failure.getMessage();
            } else {
                Optional<URI> uri = loadable(repository);
                text = uri.isEmpty() ? server + " offers no plugin repository."
                        : server + " offers the plugin repository " + uri.get() + " (not added until you say so).";
                uri.ifPresent(found -> offered = found);
            }
            if (!address.isDisposed()) {
                address.getDisplay().asyncExec(() -> show(text));
            }
        });
    }

    private void show(String text) {
        if (address.isDisposed()) {
            return;
        }
        address.setText(text);
        add.setEnabled(offered != null);
        address.getParent().getParent().layout(true, true);
    }

    private void addAfterAsking() {
        if (offered == null) {
            return;
        }
        boolean yes = MessageDialog.openQuestion(add.getShell(), "Add the server's plugin repository?", "The server " + server
                + " offers this plugin repository:\n\n" + offered + "\n\nPlugins from it run with this client's rights, like any"
                + " program you install. Add it only if you trust the operator of " + server + ". Nothing is installed until you"
                + " pick plugins in the next step.\n\nAdd it and browse its plugins?");
        if (yes) {
            ui.getRepositoryTracker().addRepository(offered, "Offered by " + server, ui.getSession());
            ui.openInstallWizard(null, null, null);
        }
    }

    /** The server's operator chose the address, but it still arrives over the network: only plain web and file URLs. */
    static Optional<URI> loadable(String repository) {
        try {
            URI uri = new URI(repository.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
            boolean file = scheme.equals("file") && uri.getPath() != null && uri.getPath().startsWith("/");
            return web || file ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean unknownType(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ConfabException confab && confab.code() == ErrorCode.UNKNOWN_TYPE;
    }
}
