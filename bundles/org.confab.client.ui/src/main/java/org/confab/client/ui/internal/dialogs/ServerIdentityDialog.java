package org.confab.client.ui.internal.dialogs;

import org.confab.client.ui.internal.model.FingerprintText;
import org.confab.client.ui.internal.model.TrustQuestion;
import org.confab.client.ui.WidgetIds;
import org.confab.protocol.Fingerprint;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Shows a server's certificate fingerprint and asks whether to trust it: a question for a server seen
 * for the first time, a warning for one whose certificate changed. The fingerprints are selectable text
 * in a fixed-width font, so they can be copied and compared with what the administrator gave out. The
 * wording, the default button and the extra confirmation come from the {@link TrustQuestion}.
 */
public final class ServerIdentityDialog extends MessageDialog {
    public static final String NEW_SERVER_SHELL_ID = "trust.new";
    public static final String CHANGED_SHELL_ID = "trust.changed";
    /** The button index (and so the {@link #open} result) that accepts the presented certificate. */
    static final int ACCEPT = 0;
    static final int REFUSE = 1;

    private final TrustQuestion question;

    ServerIdentityDialog(Shell parent, TrustQuestion question) {
        super(parent, question.title(), null, question.message(), question.changed() ? WARNING : INFORMATION,
                question.acceptIsDefault() ? ACCEPT : REFUSE, question.acceptLabel(), question.refuseLabel());
        this.question = question;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        WidgetIds.name(shell, question.changed() ? CHANGED_SHELL_ID : NEW_SERVER_SHELL_ID);
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 6).applyTo(area);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(area);
        new Label(area, SWT.NONE).setText("Server:");
        WidgetIds.name(new Label(area, SWT.NONE), "trust.server").setText(question.server());
        question.remembered().ifPresent(old -> fingerprint(area, "Remembered fingerprint:", "trust.remembered", old));
        fingerprint(area, question.changed() ? "Fingerprint presented now:" : "Certificate fingerprint\n(SHA-256):",
                "trust.presented", question.presented());
        question.confirmation().ifPresent(text -> {
            Button confirm = WidgetIds.name(new Button(area, SWT.CHECK | SWT.WRAP), "trust.confirm");
            confirm.setText(text);
            GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(confirm);
            confirm.addListener(SWT.Selection, e -> getButton(ACCEPT).setEnabled(confirm.getSelection()));
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        WidgetIds.name(getButton(ACCEPT), "trust.accept");
        WidgetIds.name(getButton(REFUSE), "trust.refuse");
        // a changed identity is replaced only after the explicit confirmation above
        getButton(ACCEPT).setEnabled(question.confirmation().isEmpty());
    }

    private static void fingerprint(Composite parent, String label, String id, Fingerprint value) {
        Label caption = new Label(parent, SWT.NONE);
        caption.setText(label);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(caption);
        Text text = WidgetIds.name(new Text(parent, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY), id);
        text.setFont(JFaceResources.getTextFont());
        text.setText(FingerprintText.of(value));
        Forms.tabLeaves(text);
        // the dialog's layout would otherwise give a multi-line text too little height for every row
        int height = text.computeTrim(0, 0, 0, text.getLineHeight() * text.getLineCount()).height;
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, height).applyTo(text);
    }
}
