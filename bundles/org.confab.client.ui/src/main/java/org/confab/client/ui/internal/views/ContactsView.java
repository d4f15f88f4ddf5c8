package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import java.util.List;
import java.util.Optional;

import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.Contact;
import org.confab.client.ui.internal.model.ContactsModel;
import org.confab.client.ui.internal.session.PluginContributions;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.TextStyle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * Everyone with their presence, online first, with unread counts and a filter; double-click (or Enter)
 * opens the conversation, Enter in the filter opens the first contact it leaves, Down moves into the
 * list and Up from its top back to the filter; the context menu holds the plugins' {@link org.confab.client.ui.ContactAction}s.
 */
public class ContactsView extends ViewPart {
    public static final String ID = "org.confab.client.ui.view.contacts";
    private static final Color ONLINE = new Color(30, 150, 60);
    private static final Color AWAY = new Color(225, 150, 20);
    private static final Color BUSY = new Color(200, 40, 40);
    private static final Color OFFLINE = new Color(160, 160, 160);
    private static final Color BADGE = new Color(200, 40, 40);

    private ChatController controller;
    private ContactsModel contacts;
    private Label summary;
    private StatusChooser status;
    private Text filter;
    private TableViewer viewer;
    private final Runnable refresh = this::refresh;
    /** After a logout the filter the previous user typed goes too. */
    private final Runnable sessionChanged = () -> {
        if (controller.self().isEmpty() && filter != null && !filter.isDisposed()) {
            filter.setText("");
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        controller = Workbench.controller(getSite());
        contacts = controller.contacts();
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        // own status first, the summary on its own line: a narrow view must not cut either
        status = new StatusChooser(parent, controller);
        summary = WidgetIds.name(new Label(parent, SWT.NONE), "contacts.summary");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        filter = WidgetIds.name(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), "contacts.filter");
        filter.setMessage("Filter contacts");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addModifyListener(e -> refresh());
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), "contacts.table");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new ContactLabels());
        viewer.addOpenListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof Contact contact) {
                open(contact);
            }
        });
        filter.addListener(SWT.KeyDown, this::keyInFilter);
        filter.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_ARROW_NEXT) {
                event.doit = false; // Down is ours (keyInFilter), not the toolkit's move to the next control
            }
        });
        filter.addListener(SWT.DefaultSelection, e -> firstOrSelected().ifPresent(this::open));
        viewer.getTable().addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.ARROW_UP && viewer.getTable().getSelectionIndex() <= 0) {
                event.doit = false;
                filter.setFocus();
            }
        });
        new ContactMenu(Workbench.service(PluginContributions.class).map(PluginContributions::contactActions),
                () -> controller.session().serverCapabilities(), controller.session()).attach(viewer);
        contacts.addObserver(refresh);
        controller.addConnectionObserver(sessionChanged);
        refresh();
    }

    /** Down goes from the filter to the list (selecting its first contact), as in a search field's results. */
    private void keyInFilter(Event event) {
        if (event.keyCode == SWT.ARROW_DOWN && viewer.getTable().getItemCount() > 0) {
            event.doit = false;
            // after this key press: focused now, the list would take the same Down and select the second row
            int selected = viewer.getTable().getSelectionIndex();
            event.display.asyncExec(() -> {
                if (!viewer.getTable().isDisposed()) {
                    viewer.getTable().setFocus();
                    viewer.getTable().setSelection(Math.max(0, selected));
                }
            });
        }
    }

    /** The contact Enter in the filter opens: the selected one if the list shows it, else the first shown. */
    private Optional<Contact> firstOrSelected() {
        List<Contact> rows = contacts.contacts(filter.getText());
        Object selected = viewer.getStructuredSelection().getFirstElement();
        return selected instanceof Contact contact && rows.contains(contact) ? Optional.of(contact)
                : rows.stream().findFirst();
    }

    private void open(Contact contact) {
        Workbench.openConversation(getSite().getWorkbenchWindow(), contact.username(), true);
    }

    /** The rows shown, for tests. */
    public List<Contact> shown() {
        return contacts.contacts(filter.getText());
    }

    private void refresh() {
        if (viewer == null || viewer.getTable().isDisposed()) {
            return;
        }
        List<Contact> rows = contacts.contacts(filter.getText());
        viewer.setInput(rows);
        // short enough for a narrow view: a cut sentence would say less than a short one
        summary.setText(contacts.presenceKnown() ? contacts.onlineCount() + " online" : "Presence unknown while offline");
        summary.setToolTipText(contacts.presenceKnown() ? summary.getText()
                : "Who is online is unknown until the connection is back");
    }

    @Override
    public void setFocus() {
        viewer.getTable().setFocus();
    }

    @Override
    public void dispose() {
        if (contacts != null) {
            contacts.removeObserver(refresh);
            controller.removeConnectionObserver(sessionChanged);
            status.dispose();
        }
        super.dispose();
    }

    /** A dot for presence, the name, and the unread count. */
    private static final class ContactLabels extends StyledCellLabelProvider {
        @Override
        public void update(ViewerCell cell) {
            Contact contact = (Contact) cell.getElement();
            // a hollow grey circle while presence is unknown: neither the green "online" nor the filled grey "offline"
            StyledString text = new StyledString(contact.presenceKnown() ? "\u25CF " : "\u25CB ",
                    colour(contact.busy() ? BUSY : contact.away() ? AWAY : contact.online() ? ONLINE : OFFLINE));
            if (contact.unread() > 0) {
                text.append("(" + contact.unread() + ") ", colour(BADGE));
            }
            text.append(contact.label(), contact.online() ? null : colour(OFFLINE));
            if (contact.away() || contact.busy()) {
                text.append(" \u2014 " + contact.status(), colour(contact.busy() ? BUSY : AWAY));
            }
            cell.setText(text.getString());
            cell.setStyleRanges(text.getStyleRanges());
            super.update(cell);
        }

        @Override
        public String getToolTipText(Object element) {
            Contact contact = (Contact) element;
            return contact.username() + ": " + contact.presenceText();
        }

        private static StyledString.Styler colour(Color color) {
            return new StyledString.Styler() {
                @Override
                public void applyStyles(TextStyle style) {
                    style.foreground = color;
                }
            };
        }
    }
}
