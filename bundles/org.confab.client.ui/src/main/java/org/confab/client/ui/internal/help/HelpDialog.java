package org.confab.client.ui.internal.help;

import java.util.List;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * What the Help menu's dialogs share: a resizable window with a title, a shell id the UI tests find it
 * by, a single Close button, and read-only tables.
 */
abstract class HelpDialog extends Dialog {
    private final String title;
    private final String shellId;

    HelpDialog(Shell parent, String title, String shellId) {
        super(parent);
        this.title = title;
        this.shellId = shellId;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        WidgetIds.name(shell, shellId);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** A table with a header of {@code columns} and one item per row, named {@code id} for the tests. */
    static Table table(Composite parent, String id, List<String> columns, List<String[]> rows) {
        Table table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL), id);
        table.setHeaderVisible(true);
        for (String column : columns) {
            new TableColumn(table, SWT.NONE).setText(column);
        }
        for (String[] row : rows) {
            new TableItem(table, SWT.NONE).setText(row);
        }
        return table;
    }
}
