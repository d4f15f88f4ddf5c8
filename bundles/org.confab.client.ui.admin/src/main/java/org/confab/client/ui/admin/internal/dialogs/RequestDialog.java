package org.confab.client.ui.admin.internal.dialogs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.core.AdminClient;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.AdminProblems;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * A dialog whose OK sends one administrative request. What is typed is checked while typing (OK stays
 * disabled with the reason shown); OK then sends in the background, keeps the dialog open and
 * responsive, and closes it only when the server agreed. A refusal is shown in the dialog, so nothing
 * typed is lost.
 *
 * @param <T> the server's answer
 */
abstract class RequestDialog<T> extends TitleAreaDialog {
    final AdminClient admin;
    private final String shellId;
    private final String title;
    private final String message;
    private boolean busy;
    private T result;

    RequestDialog(Shell parent, AdminClient admin, String shellId, String title, String message) {
        super(parent);
        this.admin = admin;
        this.shellId = shellId;
        this.title = title;
        this.message = message;
    }

    /** Builds the fields in a two-column grid and calls {@link #validate()} when they change. */
    abstract void createForm(Composite form);

    /** What is wrong with the input, or empty when it may be sent. */
    abstract Optional<String> problem();

    /** Sends the request for the current input (on the display thread). */
    abstract CompletableFuture<T> send();

    /** The server's answer, after the dialog closed with OK. */
    public Optional<T> result() {
        return Optional.ofNullable(result);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        WidgetIds.name(shell, shellId);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        createForm(form);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        WidgetIds.name(getButton(IDialogConstants.OK_ID), shellId + ".ok");
        WidgetIds.name(getButton(IDialogConstants.CANCEL_ID), shellId + ".cancel");
        validate();
    }

    /** Re-checks the input: the first problem is shown as the dialog's message and disables OK. */
    void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null || busy) {
            return;
        }
        Optional<String> problem = problem();
        ok.setEnabled(problem.isEmpty());
        setErrorMessage(null);
        setMessage(problem.orElse(message), problem.isPresent() ? org.eclipse.jface.dialogs.IMessageProvider.WARNING
                : org.eclipse.jface.dialogs.IMessageProvider.NONE);
    }

    @Override
    protected void okPressed() {
        if (busy || problem().isPresent()) {
            return;
        }
        CompletableFuture<T> sent;
        try {
            sent = send();
        } catch (IllegalArgumentException e) {
            setErrorMessage(AdminProblems.describe(e));
            return;
        }
        setBusy(true);
        Shell shell = getShell();
        sent.whenComplete((answer, error) -> shell.getDisplay().asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            setBusy(false);
            if (error != null) {
                setErrorMessage(AdminProblems.describe(error));
                return;
            }
            result = answer;
            super.okPressed();
        }));
    }

    private void setBusy(boolean sending) {
        busy = sending;
        getButton(IDialogConstants.OK_ID).setEnabled(!sending);
        if (sending) {
            setErrorMessage(null);
            setMessage("Sending\u2026");
        }
    }

    /** A label and a text field in the form, named for tests. */
    Text field(Composite form, String label, String id, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = WidgetIds.name(new Text(form, SWT.BORDER | SWT.SINGLE | style), id);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        text.addModifyListener(e -> validate());
        return text;
    }

    /** A check box in the second column. */
    Button check(Composite form, String label, String id) {
        new Label(form, SWT.NONE);
        Button check = WidgetIds.name(new Button(form, SWT.CHECK), id);
        check.setText(label);
        check.addListener(SWT.Selection, e -> validate());
        return check;
    }
}
