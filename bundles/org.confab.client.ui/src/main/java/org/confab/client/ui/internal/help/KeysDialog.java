package org.confab.client.ui.internal.help;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Help &gt; Keyboard Shortcuts: the keys of {@link KeyBindings}, read when the dialog opens. */
public final class KeysDialog extends HelpDialog {
    public static final String SHELL_ID = "keys";

    private final List<KeyBindings.Key> keys;

    public KeysDialog(Shell parent, List<KeyBindings.Key> keys) {
        super(parent, "Keyboard Shortcuts", SHELL_ID);
        this.keys = keys;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label hint = new Label(area, SWT.WRAP);
        hint.setText("Change the bindings under Window > Preferences > Keys.");
        Table table = table(area, "keys.table", List.of("Keys", "Action", "Where"),
                keys.stream().map(key -> new String[] { key.keys(), key.action(), key.where() }).toList());
        for (TableColumn column : table.getColumns()) {
            column.pack();
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(560, table.getItemHeight() * 16).applyTo(table);
        return area;
    }
}
