package org.confab.client.ui.plugins.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.confab.client.ui.ChatSession;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.query.UserVisibleRootQuery;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.ui.ProvisioningUI;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The plugin features installed in this client (the root features of its p2 profile besides the
 * product; file transfer and screenshots too, which the first start installed), with p2's own wizards
 * to install more from a repository the user types and to uninstall the selected ones, and the
 * repository the server offers ({@link ServerOfferPanel}). p2 then offers to apply the change at
 * once, without a restart.
 */
final class PluginsDialog extends Dialog {
    static final String TABLE_ID = "org.confab.client.ui.plugins.table";
    private static final String GROUP_SUFFIX = ".feature.group";
    private static final String BASE_PROPERTY = "org.eclipse.equinox.p2.base";
    private static final int INSTALL = IDialogConstants.CLIENT_ID + 1;
    private static final int UNINSTALL = IDialogConstants.CLIENT_ID + 2;
    private static final int REFRESH = IDialogConstants.CLIENT_ID + 3;

    private final ProvisioningUI ui;
    private final Optional<ChatSession> session;
    private Table table;

    PluginsDialog(Shell parent, ProvisioningUI ui, Optional<ChatSession> session) {
        super(parent);
        this.ui = ui;
        this.session = session;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Plugins");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new Label(area, SWT.WRAP).setText("Plugins installed in this client. Install only from repositories you trust:"
                + " a plugin runs with the client's rights.");
        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData(TABLE_ID, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String heading : List.of("Plugin", "Version", "Feature")) {
            new TableColumn(table, SWT.NONE).setText(heading);
        }
        refresh();
        ((GridData) table.getLayoutData()).heightHint = 220;
        new ServerOfferPanel(area, ui, session);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, INSTALL, "&Install from repository…", false);
        createButton(parent, UNINSTALL, "&Uninstall…", false);
        createButton(parent, REFRESH, "&Refresh", false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        switch (buttonId) {
        case INSTALL -> {
            // p2's wizard: the user types the repository ("Work with"), picks features, accepts licences
            ui.openInstallWizard(null, null, null);
            refresh();
        }
        case UNINSTALL -> {
            List<IInstallableUnit> selected = selection();
            if (!selected.isEmpty()) {
                // p2's wizard shows a resolved plan; removing from this client's own profile plans in moments
                UninstallOperation operation = ui.getUninstallOperation(selected, null);
                operation.resolveModal(new NullProgressMonitor());
                ui.openUninstallWizard(selected, operation, null);
                refresh();
            }
        }
        case REFRESH -> refresh();
        default -> close();
        }
    }

    /** The selected plugins this client may remove: not the built-in ones, which p2 locks. */
    private List<IInstallableUnit> selection() {
        IProfile profile = profile();
        return Arrays.stream(table.getSelection()).map(item -> (IInstallableUnit) item.getData())
                .filter(unit -> profile != null && !builtIn(profile, unit)).toList();
    }

    private static boolean builtIn(IProfile profile, IInstallableUnit unit) {
        return Boolean.parseBoolean(profile.getInstallableUnitProperty(unit, BASE_PROPERTY));
    }

    private IProfile profile() {
        IProfileRegistry registry = ui.getSession().getProvisioningAgent().getService(IProfileRegistry.class);
        return registry == null ? null : registry.getProfile(ui.getProfileId());
    }

    private void refresh() {
        if (table == null || table.isDisposed()) {
            return;
        }
        table.removeAll();
        IProfile profile = profile();
        if (profile != null) {
            profile.query(new UserVisibleRootQuery(), null).stream().filter(unit -> unit.getId().endsWith(GROUP_SUFFIX))
                    .sorted(Comparator.comparing(IInstallableUnit::getId)).forEach(unit -> {
                        TableItem item = new TableItem(table, SWT.NONE);
                        boolean builtIn = builtIn(profile, unit);
                        String name = unit.getProperty(IInstallableUnit.PROP_NAME, null);
                        item.setText(new String[] { (name == null ? unit.getId() : name) + (builtIn ? " (built in)" : ""),
                                unit.getVersion().toString(),
                                unit.getId().substring(0, unit.getId().length() - GROUP_SUFFIX.length()) });
                        item.setData(unit);
                    });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
    }
}
