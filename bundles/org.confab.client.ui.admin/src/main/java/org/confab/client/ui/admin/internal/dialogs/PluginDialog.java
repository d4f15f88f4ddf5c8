package org.confab.client.ui.admin.internal.dialogs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.admin.internal.model.PluginForm;
import org.confab.protocol.messages.PluginMessages;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Install;
import org.confab.protocol.messages.PluginMessages.Update;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Installs a plugin feature into the running server from a p2 repository, or updates an installed one
 * to the newest version there: the two requests of {@code admin install-plugin} and
 * {@code admin update-plugin}, with the CLI's checks said while typing. The dialog stays open while
 * the server works (a download can take a while) and shows a refusal in its own message line.
 */
public final class PluginDialog extends RequestDialog<Change> {
    public static final String SHELL_ID = "plugin";

    private final Optional<String> updating;
    private Text repository;
    private Text feature;

    private PluginDialog(Shell parent, AdminClient admin, String title, Optional<String> updating) {
        super(parent, admin, SHELL_ID, title, PluginForm.REPOSITORY_HINT);
        this.updating = updating;
    }

    public static PluginDialog installing(Shell parent, AdminClient admin) {
        return new PluginDialog(parent, admin, "Install a server plugin", Optional.empty());
    }

    public static PluginDialog updating(Shell parent, AdminClient admin, String feature) {
        return new PluginDialog(parent, admin, "Update " + feature, Optional.of(feature));
    }

    @Override
    void createForm(Composite form) {
        repository = field(form, "&Repository:", "plugin.repository", SWT.NONE);
        repository.setTextLimit(PluginMessages.MAX_REPOSITORY);
        repository.setMessage("https://\u2026 or /srv/confab/plugins(.zip)");
        feature = field(form, "&Feature id:", "plugin.feature", updating.isPresent() ? SWT.READ_ONLY : SWT.NONE);
        feature.setTextLimit(PluginMessages.MAX_FEATURE);
        feature.setMessage("org.confab.examples.dice.server.feature");
        updating.ifPresent(feature::setText);
    }

    @Override
    Optional<String> problem() {
        return PluginForm.problem(repository.getText(), feature.getText());
    }

    @Override
    CompletableFuture<Change> send() {
        String address = repository.getText().strip();
        String id = feature.getText().strip();
        return updating.isPresent() ? admin.updatePlugin(new Update(address, id)) : admin.installPlugin(new Install(address, id));
    }
}
