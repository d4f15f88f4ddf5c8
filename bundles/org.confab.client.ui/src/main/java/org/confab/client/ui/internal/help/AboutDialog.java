package org.confab.client.ui.internal.help;

import java.util.List;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Help &gt; About Confab: version, Java, the server, and the licences of the running bundles. */
public final class AboutDialog extends HelpDialog {
    public static final String SHELL_ID = "about";

    private final ChatSession session;

    public AboutDialog(Shell parent, ChatSession session) {
        super(parent, "About Confab", SHELL_ID);
        this.session = session;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        var client = FrameworkUtil.getBundle(AboutDialog.class);
        Label title = WidgetIds.name(new Label(area, SWT.NONE), "about.version");
        title.setText(AboutFacts.version(client));
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(title);
        row(area, "Instant messaging for a LAN: chat, presence, history, files.", null);
        row(area, "Java:", System.getProperty("java.vendor") + " " + Runtime.version() + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Label server = row(area, "Server:", AboutFacts.server(session));
        WidgetIds.name(server, "about.server");

        Bundle[] bundles = client.getBundleContext().getBundles();
        Label own = row(area, "Bundles:", AboutFacts.ownBundles(bundles) + " of Confab's own (org.confab.*, plugins included)");
        WidgetIds.name(own, "about.own");
        Label heading = new Label(area, SWT.NONE);
        heading.setText("Third-party components and their licences:");
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(heading);
        Table table = table(area, "about.licences", List.of("Bundle", "Version", "Licence"), AboutFacts.components(bundles)
                .stream().map(component -> new String[] { component.name(), component.version(), component.licence() }).toList());
        int[] widths = { 320, 120, 380 };
        for (int i = 0; i < widths.length; i++) {
            table.getColumn(i).setWidth(widths[i]);
        }
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(840, table.getItemHeight() * 14).applyTo(table);
        return area;
    }

    private static Label row(Composite area, String label, String value) {
        Label name = new Label(area, SWT.NONE);
        name.setText(label);
        if (value == null) {
            GridDataFactory.fillDefaults().span(2, 1).applyTo(name);
            return name;
        }
        Label text = new Label(area, SWT.WRAP);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        return text;
    }
}
