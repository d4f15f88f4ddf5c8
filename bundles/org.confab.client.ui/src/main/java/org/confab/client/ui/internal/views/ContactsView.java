package org.confab.client.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The contact list: who exists and who is online. */
public class ContactsView extends ViewPart {
    public static final String ID = "org.confab.client.ui.view.contacts";

    private Label status;
    private Text filter;
    private Table contacts;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setText("Server: " + settings().map(s -> s.server().toString()).orElse("not configured"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage("Filter contacts");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        contacts = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(contacts);
    }

    private java.util.Optional<ClientSettings> settings() {
        BundleContext context = FrameworkUtil.getBundle(ContactsView.class).getBundleContext();
        ServiceReference<ClientSettings> reference = context.getServiceReference(ClientSettings.class);
        return reference == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(context.getService(reference));
    }

    /** The status text, for tests. */
    public String statusText() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        filter.setFocus();
    }
}
