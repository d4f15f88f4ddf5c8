package org.confab.client.ui.admin.internal.views;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.dialogs.PluginDialog;
import org.confab.client.ui.admin.internal.model.PluginForm;
import org.confab.protocol.messages.PluginMessages.Change;
import org.confab.protocol.messages.PluginMessages.Plugin;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The plugin features installed in the running server ({@code admin.plugins}): install one from a p2
 * repository, update or uninstall the selected one, each applied by the server without a restart (the
 * same requests as {@code ./confab cli admin plugins}, {@code install-plugin}, {@code update-plugin} and
 * {@code uninstall-plugin}). Built-in plugins came with the server's installation: the server refuses to
 * update or remove them, so their buttons stay disabled. The last change and its warnings (such as
 * unsigned content) stay in the summary line until the next one.
 */
public class PluginsView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.plugins";

    private TableViewer viewer;
    private Label summary;
    private Button update;
    private Button uninstall;
    private List<Plugin> shown = List.of();
    /** What the last change in this view did, shown with the count until another change. */
    private String lastChange = "";

    @Override
    void createContents(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        AccountsView.button(bar, "&Install\u2026", "plugins.install", this::install);
        update = AccountsView.button(bar, "&Update\u2026", "plugins.update", () -> selected().ifPresent(this::update));
        uninstall = AccountsView.button(bar, "U&ninstall\u2026", "plugins.uninstall", () -> selected().ifPresent(this::uninstall));
        // The summary (count, last change, the server's warnings) can be long: it gets a row of its own under
        // the buttons and wraps there, so it never pushes the buttons out of a narrow view.
        summary = WidgetIds.name(new Label(bar, SWT.WRAP), "plugins.summary");
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(200, SWT.DEFAULT).applyTo(summary);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), "plugins.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 150).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(viewer, Plugin.class, "Feature", 270, Plugin::feature);
        column(viewer, Plugin.class, "Name", 190, Plugin::name);
        column(viewer, Plugin.class, "Version", 150, Plugin::version);
        column(viewer, Plugin.class, "Provider", 110, Plugin::provider);
        column(viewer, Plugin.class, "Origin", 80, PluginForm::origin);
        viewer.addSelectionChangedListener(e -> updateButtons());
        updateButtons();
    }

    @Override
    void refresh() {
        call(admin -> admin.plugins(), this::show);
    }

    @Override
    void clear() {
        lastChange = "";
        show(List.of());
        summary.setText("");
    }

    /** The plugins on screen, for tests. */
    public List<Plugin> shown() {
        return shown;
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    private void show(List<Plugin> plugins) {
        Optional<String> keep = selected().map(Plugin::feature);
        shown = plugins.stream().sorted(Comparator.comparing(Plugin::feature)).toList();
        viewer.setInput(shown);
        keep.flatMap(id -> shown.stream().filter(p -> p.feature().equals(id)).findFirst())
                .ifPresent(p -> viewer.setSelection(new StructuredSelection(p)));
        String count = shown.size() + (shown.size() == 1 ? " plugin feature" : " plugin features") + " installed";
        summary.setText(lastChange.isEmpty() ? count : count + ". " + lastChange);
        // the wrapped summary may need more or fewer lines: the view lays the bar out again at its new height
        summary.getParent().getParent().layout(true, true);
        updateButtons();
    }

    private void install() {
        withAdmin(admin -> {
            PluginDialog dialog = PluginDialog.installing(shell(), admin);
            if (dialog.open() == Window.OK) {
                dialog.result().ifPresent(change -> changed("Installed", change));
            }
        });
    }

    private void update(Plugin plugin) {
        withAdmin(admin -> {
            PluginDialog dialog = PluginDialog.updating(shell(), admin, plugin.feature());
            if (dialog.open() == Window.OK) {
                dialog.result().ifPresent(change -> changed("Updated", change));
            }
        });
    }

    private void uninstall(Plugin plugin) {
        MessageDialog confirm = new MessageDialog(shell(), "Uninstall plugin", null, "Uninstall "
                + (plugin.name().isEmpty() ? plugin.feature() : plugin.name() + " (" + plugin.feature() + ")") + " "
                + plugin.version() + " from the server?\n\nThe server removes it at once, without a restart: its requests"
                + " are refused from then on, also for clients that use them now. Installing it again needs its repository.",
                MessageDialog.WARNING, 1, "U&ninstall", IDialogConstants.CANCEL_LABEL) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                WidgetIds.name(shell, "plugins.confirmUninstall");
            }
        };
        if (confirm.open() == 0) {
            call(admin -> admin.uninstallPlugin(plugin.feature()), change -> changed("Uninstalled", change));
        }
    }

    /** After a change: say what happened (with the server's warnings), let the audit log catch up, ask again. */
    private void changed(String verb, Change change) {
        StringBuilder text = new StringBuilder(verb).append(' ').append(change.plugin().feature()).append(' ')
                .append(change.plugin().version());
        change.warnings().forEach(warning -> text.append("; warning: ").append(warning));
        lastChange = text.toString();
        announceChange();
        refresh();
    }

    private Optional<Plugin> selected() {
        if (viewer == null) {
            return Optional.empty();
        }
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof Plugin plugin ? Optional.of(plugin) : Optional.empty();
    }

    private void updateButtons() {
        boolean changeable = selected().map(p -> !p.builtIn()).orElse(false);
        update.setEnabled(changeable);
        uninstall.setEnabled(changeable);
        String why = selected().filter(Plugin::builtIn).map(p -> "Built in: it came with the server's installation").orElse(null);
        update.setToolTipText(why);
        uninstall.setToolTipText(why);
    }

    private Shell shell() {
        return getSite().getShell();
    }
}
