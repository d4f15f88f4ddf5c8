package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.Contact;
import org.confab.client.ui.internal.model.Highlights;
import org.confab.client.ui.internal.model.Highlights.Snippet;
import org.confab.client.ui.internal.model.PagedResults;
import org.confab.client.ui.internal.model.PagedResults.Request;
import org.confab.client.ui.internal.model.Problems;
import org.confab.client.ui.internal.model.Timeline;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.HistoryRequest;
import org.confab.protocol.messages.Messages.SearchRequest;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * Browse a conversation page by page, or search every conversation (or one) with the hits
 * highlighted; double-click a message to jump to it in its conversation.
 */
public class HistoryView extends ViewPart {
    public static final String ID = "org.confab.client.ui.view.history";
    private static final int PAGE_SIZE = 50;
    private static final Color HIT = new Color(255, 230, 120);
    /** How much of a message before its first hit the table shows, and how much in all. */
    private static final int HIT_CONTEXT = 40;
    private static final int SNIPPET_WIDTH = 160;

    private final PagedResults results = new PagedResults();
    private final Timeline timeline = new Timeline(ZoneId.systemDefault(), Locale.getDefault());
    private ChatController controller;
    private Combo peers;
    private Text query;
    private Button onlyPeer;
    private Button newer;
    private Button older;
    private Label status;
    private TableViewer viewer;
    private final List<String> peerNames = new ArrayList<>();
    private final Runnable contactsChanged = this::fillPeers;
    private final Runnable connectionChanged = this::forgetOtherUsersResults;
    /** Whose history the view shows; results never outlive the login they were fetched for. */
    private String shownFor;
    private String searching = "";

    @Override
    public void createPartControl(Composite parent) {
        controller = Workbench.controller(getSite());
        // one row of controls, so that the small default height of the view is left to the results
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(8).applyTo(parent);
        new Label(parent, SWT.NONE).setText("History of");
        peers = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), "history.peer");
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(peers);
        peers.addListener(SWT.Selection, e -> browse());
        newer = button(parent, "\u25C0 Newer", "history.newer", () -> fetch(results.newer()));
        older = button(parent, "Older \u25B6", "history.older", () -> fetch(results.older()));
        query = WidgetIds.name(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH), "history.query");
        query.setMessage("Search words in any message");
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).indent(12, 0).applyTo(query);
        query.addListener(SWT.DefaultSelection, e -> search());
        onlyPeer = WidgetIds.name(new Button(parent, SWT.CHECK), "history.onlyPeer");
        onlyPeer.setText("only this conversation");
        button(parent, "Search", "history.search", this::search);
        status = WidgetIds.name(new Label(parent, SWT.NONE), "history.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(status);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), "history.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(8, 1).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("When", 130, message -> timeline.dateTime(message.timestamp()));
        column("From", 110, message -> controller.contacts().displayName(message.from()));
        column("To", 110, message -> controller.contacts().displayName(message.to()));
        TableViewerColumn text = new TableViewerColumn(viewer, SWT.NONE);
        text.getColumn().setText("Message");
        text.getColumn().setWidth(520);
        text.setLabelProvider(new HighlightingLabels());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addOpenListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof ChatMessage message) {
                jumpTo(message);
            }
        });
        results.addObserver(this::showResults);
        controller.contacts().addObserver(contactsChanged);
        shownFor = controller.self().orElse(null);
        controller.addConnectionObserver(connectionChanged);
        fillPeers();
        showResults();
    }

    /** Searches for {@code text} in all conversations, as if typed; for tests and other views. */
    public void search(String text) {
        query.setText(text);
        onlyPeer.setSelection(false);
        search();
    }

    /** The rows shown, newest first for searches. */
    @SuppressWarnings("unchecked")
    public List<ChatMessage> shown() {
        Object input = viewer.getInput();
        return input == null ? List.of() : (List<ChatMessage>) input;
    }

    /** Opens the conversation of a message and scrolls to it. */
    public void jumpTo(ChatMessage message) {
        String self = controller.self().orElse("");
        String peer = message.from().equals(self) ? message.to() : message.from();
        Workbench.openConversation(getSite().getWorkbenchWindow(), peer, true)
                .ifPresent(editor -> editor.reveal(message.messageId()));
    }

    public String statusText() {
        return status.getText();
    }

    private void browse() {
        searching = "";
        if (selectedPeer() != null) {
            fetch(results.first());
        }
    }

    private void search() {
        String text = query.getText().strip();
        if (text.isEmpty()) {
            browse();
            return;
        }
        searching = text;
        fetch(results.first());
    }

    private void fetch(Request request) {
        String peer = selectedPeer();
        var answer = searching.isEmpty()
                ? controller.session().history(new HistoryRequest(peer, request.beforeId(), PAGE_SIZE))
                : controller.session().search(new SearchRequest(onlyPeer.getSelection() ? peer : null, searching,
                        request.beforeId(), PAGE_SIZE));
        var display = new DisplayExecutor(viewer.getControl().getDisplay());
        answer.whenComplete((page, error) -> display.execute(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            if (error != null) {
                results.failed(request.ticket());
                status.setText(Problems.describe(error));
                status.setToolTipText(status.getText());
            } else {
                results.show(request.ticket(), page);
            }
        }));
    }

    private void showResults() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>(results.messages());
        if (searching.isEmpty()) {
            Collections.reverse(messages);
        }
        viewer.setInput(messages);
        newer.setEnabled(results.hasNewer());
        older.setEnabled(results.hasOlder());
        String what = searching.isEmpty() ? "History" : "\u201C" + searching + "\u201D: " + messages.size() + " found";
        status.setText(results.loading() ? "Loading\u2026" : what + ", page " + results.pageNumber());
        // a narrow view cuts the line: the tooltip has all of it
        status.setToolTipText(status.getText());
        status.getParent().layout();
    }

    private void fillPeers() {
        if (peers == null || peers.isDisposed()) {
            return;
        }
        String selected = selectedPeer();
        List<Contact> contacts = controller.contacts().contacts("");
        peerNames.clear();
        peers.removeAll();
        for (Contact contact : contacts) {
            peerNames.add(contact.username());
            peers.add(contact.label());
        }
        int index = selected == null ? -1 : peerNames.indexOf(selected);
        if (index >= 0) {
            peers.select(index);
        }
    }

    private String selectedPeer() {
        int index = peers.getSelectionIndex();
        return index < 0 || index >= peerNames.size() ? null : peerNames.get(index);
    }

    /** Selects a peer and shows the newest page of that conversation. */
    public void browse(String peer) {
        int index = peerNames.indexOf(peer);
        if (index >= 0) {
            peers.select(index);
            browse();
        }
    }

    private Button button(Composite parent, String text, String id, Runnable action) {
        Button button = WidgetIds.name(new Button(parent, SWT.PUSH), id);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void column(String title, int width, Function<ChatMessage, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ChatMessage) element);
            }
        });
    }

    @Override
    public void setFocus() {
        query.setFocus();
    }

    /** After a logout, or a login by somebody else, nothing of the previous user's stays on screen. */
    private void forgetOtherUsersResults() {
        String self = controller.self().orElse(null);
        if (Objects.equals(self, shownFor) || query.isDisposed()) {
            return;
        }
        shownFor = self;
        searching = "";
        query.setText("");
        peers.deselectAll();
        results.clear();
    }

    @Override
    public void dispose() {
        if (controller != null) {
            controller.contacts().removeObserver(contactsChanged);
            controller.removeConnectionObserver(connectionChanged);
        }
        super.dispose();
    }

    /** The message text around the first hit, the hits on a yellow background; the whole text as its tooltip. */
    private final class HighlightingLabels extends StyledCellLabelProvider {
        @Override
        public void update(ViewerCell cell) {
            Snippet snippet = Highlights.snippet(((ChatMessage) cell.getElement()).text(), searching, HIT_CONTEXT,
                    SNIPPET_WIDTH);
            cell.setText(snippet.text());
            cell.setStyleRanges(snippet.ranges().stream().map(range -> {
                StyleRange style = new StyleRange(range.start(), range.length(), null, HIT);
                style.fontStyle = SWT.BOLD;
                return style;
            }).toArray(StyleRange[]::new));
            super.update(cell);
        }

        @Override
        public String getToolTipText(Object element) {
            String text = ((ChatMessage) element).text();
            return text.length() > SNIPPET_WIDTH ? text : null;
        }
    }
}
