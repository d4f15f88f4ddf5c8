package org.confab.client.ui.admin.internal.views;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.confab.client.core.AdminClient;
import org.confab.client.core.ClientListener;
import org.confab.client.core.ConnectionState;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.model.AdminProblems;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the administrators' views share: the {@link ChatSession} (an OSGi service), requests whose
 * answers come back on the display thread, a line that says why the last request failed, a Refresh
 * button, and refreshing when the view comes into sight, after a reconnect and after any
 * administrative change made in this window. A logout or a refusal clears what is shown.
 */
abstract class AdminView extends ViewPart {
    /** Event topic posted after this window changed something on the server, so the other views catch up. */
    static final String CHANGED_TOPIC = "org/confab/client/ui/admin/changed";

    private ServiceTracker<ChatSession, ChatSession> sessions;
    private Label problem;
    /** The part's parent and display, kept so that network threads can hop over without touching widgets. */
    private Composite root;
    private Display display;
    private IEventBroker events;
    private final EventHandler changed = event -> changedElsewhere();
    /** Whoever is logged in now, the view shows fresh data when it comes into sight. */
    private final IPartListener2 visibility = new IPartListener2() {
        @Override
        public void partVisible(IWorkbenchPartReference reference) {
            if (reference.getPart(false) == AdminView.this) {
                refresh();
            }
        }
    };
    private final ClientListener connection = new ClientListener() {
        @Override
        public void onConnectionState(ConnectionState state, String reason) {
            if (state == ConnectionState.CONNECTED) {
                onDisplay(AdminView.this::refresh);
            } else if (state == ConnectionState.DISCONNECTED) {
                onDisplay(AdminView.this::clear); // logged out: the next user must not see this one's data
            }
        }
    };

    /**
     * Called once the session and the problem line exist: builds the rest of the part below the line.
     * The parent has a one-column GridLayout.
     */
    abstract void createContents(Composite parent);

    /** Asks the server again for everything the view shows. */
    abstract void refresh();

    /** Forgets everything shown, after a logout or when the server says this user may not see it. */
    abstract void clear();

    /** Another view changed something; by default this one refreshes too. */
    void changedElsewhere() {
        refresh();
    }

    /** Listeners of this view to the session besides the connection, for example presence. */
    Optional<ClientListener> sessionListener() {
        return Optional.empty();
    }

    @Override
    public final void createPartControl(Composite parent) {
        sessions = new ServiceTracker<>(FrameworkUtil.getBundle(AdminView.class).getBundleContext(), ChatSession.class, null);
        sessions.open();
        root = parent;
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        problem = WidgetIds.name(new Label(parent, SWT.WRAP), getViewSite().getId() + ".problem");
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        createContents(parent);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).exclude(true).applyTo(problem);
        problem.setVisible(false);
        Action refreshAction = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refreshAction.setToolTipText("Ask the server again");
        getViewSite().getActionBars().getToolBarManager().add(refreshAction);
        session().ifPresent(s -> {
            s.addListener(connection);
            sessionListener().ifPresent(s::addListener);
        });
        getSite().getPage().addPartListener(visibility);
        events = getSite().getService(IEventBroker.class);
        if (events != null) {
            events.subscribe(CHANGED_TOPIC, changed);
        }
        refresh();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(visibility);
        if (events != null) {
            events.unsubscribe(changed);
        }
        if (sessions != null) {
            Optional<ChatSession> session = session();
            session.ifPresent(s -> {
                s.removeListener(connection);
                sessionListener().ifPresent(s::removeListener);
            });
            sessions.close();
        }
        super.dispose();
    }

    Optional<ChatSession> session() {
        return Optional.ofNullable(sessions.getService());
    }

    /**
     * Sends an administrative request and handles its answer on the display thread, unless the view
     * has been closed meanwhile; a failure is shown in the problem line instead.
     */
    <T> void call(Function<AdminClient, CompletableFuture<T>> request, Consumer<T> answer) {
        Optional<AdminClient> admin = session().flatMap(ChatSession::admin);
        if (admin.isEmpty()) {
            showProblem("Not logged in.");
            return;
        }
        CompletableFuture<T> sent;
        try {
            sent = request.apply(admin.get());
        } catch (IllegalArgumentException e) {
            showProblem(AdminProblems.describe(e));
            return;
        }
        sent.whenComplete((value, error) -> onDisplay(() -> {
            if (error != null) {
                if (AdminProblems.isRefusal(error)) {
                    clear();
                }
                showProblem(AdminProblems.describe(error));
            } else {
                showProblem(null);
                answer.accept(value);
            }
        }));
    }

    /** Runs {@code work} with the session's admin requests, or says that nobody is logged in. */
    void withAdmin(Consumer<AdminClient> work) {
        session().flatMap(ChatSession::admin).ifPresentOrElse(work, () -> showProblem("Not logged in."));
    }

    /** Tells the other administrators' views that something changed on the server. */
    void announceChange() {
        if (events != null) {
            events.post(CHANGED_TOPIC, getViewSite().getId());
        }
    }

    /** Shows why something failed above the view's contents, or hides the line with null. */
    void showProblem(String text) {
        if (problem == null || problem.isDisposed()) {
            return;
        }
        boolean show = text != null;
        problem.setText(show ? text : "");
        problem.setVisible(show);
        ((GridData) problem.getLayoutData()).exclude = !show;
        problem.getParent().layout(true, true);
    }

    /** Runs on the display thread if the view still exists; callable from any thread. */
    void onDisplay(Runnable work) {
        Composite parent = root;
        if (parent == null || parent.isDisposed() || display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!parent.isDisposed()) {
                work.run();
            }
        });
    }

    /** A table of records with headers and lines, filling the rest of the view, named {@code id} for tests. */
    static TableViewer table(Composite parent, String id, int width, int height) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), id);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(width, height).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** Adds a text column to a table of records of type {@code T}. */
    static <T> TableViewerColumn column(TableViewer viewer, Class<T> type, String title, int width,
            Function<T, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }
        });
        return column;
    }

    /** Runs {@code work} every {@code millis} on the display thread while the view is open and visible. */
    void every(int millis, Runnable work) {
        Composite parent = root;
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (parent.isDisposed()) {
                return;
            }
            if (getSite().getPage().isPartVisible(this)) {
                work.run();
            }
            parent.getDisplay().timerExec(millis, tick[0]);
        };
        parent.getDisplay().timerExec(millis, tick[0]);
    }
}
