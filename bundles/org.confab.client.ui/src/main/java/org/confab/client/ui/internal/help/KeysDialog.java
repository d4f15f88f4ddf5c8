package org.confab.client.ui.internal.help;

import java.util.List;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Help &gt; Keyboard Shortcuts: the keys of {@link KeyBindings}, read when the dialog opens. */
public final class KeysDialog extends Dialog {
    public static final String SHELL_ID = "keys";

    private final List<KeyBindings.Key> keys;

    public KeysDialog(Shell parent, List<KeyBindings.Key> keys) {
        super(parent);
        this.keys = keys;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Keyboard Shortcuts");
        WidgetIds.name(shell, SHELL_ID);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label hint = new Label(area, SWT.WRAP);
        hint.setText("Change the bindings under Window > Preferences > Keys.");
        Table table = WidgetIds.name(new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL), "keys.table");
        table.setHeaderVisible(true);
        for (String column : new String[] { "Keys", "Action", "Where" }) {
            new TableColumn(table, SWT.NONE).setText(column);
        }
        for (KeyBindings.Key key : keys) {
            new TableItem(table, SWT.NONE).setText(new String[] { key.keys(), key.action(), key.where() });
        }
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(560, table.getItemHeight() * 16).applyTo(table);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
