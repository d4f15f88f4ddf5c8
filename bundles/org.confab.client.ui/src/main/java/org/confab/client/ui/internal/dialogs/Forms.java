package org.confab.client.ui.internal.dialogs;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Labelled fields and inline error lines for the two-column forms of the dialogs. */
final class Forms {
    private Forms() {
    }

    static Text field(Composite parent, String label, String id, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = WidgetIds.name(new Text(parent, SWT.BORDER | style), id);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        return text;
    }

    /** A red line under a field, across the form, hidden while empty. */
    static Label errorLine(Composite parent, String id) {
        Label error = WidgetIds.name(new Label(parent, SWT.WRAP), id);
        error.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(360, SWT.DEFAULT).exclude(true).applyTo(error);
        error.setVisible(false);
        return error;
    }

    /** Tab and Shift+Tab move on from a multi-line field instead of typing a tab into it (a form is not an editor). */
    static void tabLeaves(Text text) {
        text.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_TAB_NEXT || event.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                event.doit = true;
            }
        });
    }

    static void setError(Label error, String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
        ((GridData) error.getLayoutData()).exclude = message.isEmpty();
        error.getParent().layout(true, true);
    }
}
