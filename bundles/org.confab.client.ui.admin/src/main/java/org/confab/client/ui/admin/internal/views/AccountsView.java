package org.confab.client.ui.admin.internal.views;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.confab.client.core.ClientListener;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.admin.internal.dialogs.AccountDialog;
import org.confab.client.ui.admin.internal.dialogs.KickDialog;
import org.confab.client.ui.admin.internal.dialogs.PasswordDialog;
import org.confab.client.ui.admin.internal.model.AccountListing;
import org.confab.client.ui.admin.internal.model.AdminFormat;
import org.confab.protocol.messages.AdminMessages.UpdateUser;
import org.confab.protocol.messages.AdminMessages.UserEntry;
import org.confab.protocol.messages.AdminMessages.UserPage;
import org.confab.protocol.messages.Messages.PresenceEntry;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/**
 * Every account, searched, sorted and paged by the server: add, edit, reset password, lock or unlock,
 * kick, lift a ban and delete. The online column follows presence as people come and go; changes made
 * elsewhere (another administrator, the console, a registration) show within seconds.
 */
public class AccountsView extends AdminView {
    public static final String ID = "org.confab.client.ui.admin.view.accounts";
    private static final int SEARCH_DELAY_MILLIS = 300;
    private static final int CATCH_UP_MILLIS = 10_000;

    private final AccountListing listing = new AccountListing();
    private final ZoneId zone = ZoneId.systemDefault();
    private Text search;
    private TableViewer viewer;
    private Label summary;
    private Button previous;
    private Button next;
    private Button edit;
    private Button password;
    private Button lock;
    private Button kick;
    private Button unban;
    private Button delete;
    private UserPage shown = new UserPage(List.of(), 0, false);
    private int searchGeneration;
    private final ClientListener presence = new ClientListener() {
        @Override
        public void onPresence(PresenceEntry entry) {
            onDisplay(() -> presenceChanged(entry));
        }
    };

    @Override
    void createContents(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        search = WidgetIds.name(new Text(bar, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), "accounts.search");
        search.setMessage("Search username or display name");
        GridDataFactory.fillDefaults().grab(true, false).minSize(160, SWT.DEFAULT).applyTo(search);
        search.addModifyListener(e -> searchSoon());
        search.addListener(SWT.DefaultSelection, e -> searchNow());
        button(bar, "&Add\u2026", "accounts.add", this::add);
        edit = button(bar, "&Edit\u2026", "accounts.edit", () -> selected().ifPresent(this::edit));
        password = button(bar, "Reset &password\u2026", "accounts.password", () -> selected().ifPresent(this::resetPassword));
        lock = button(bar, "&Lock", "accounts.lock", () -> selected().ifPresent(this::toggleLock));
        kick = button(bar, "&Kick\u2026", "accounts.kick", () -> selected().ifPresent(this::kick));
        unban = button(bar, "Lift &Ban", "accounts.unban", () -> selected().ifPresent(this::liftBan));
        delete = button(bar, "&Delete\u2026", "accounts.delete", () -> selected().ifPresent(this::delete));

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        WidgetIds.name(viewer.getTable(), "accounts.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(500, 200).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Username", 115, "username", UserEntry::username);
        column("Display name", 140, "displayName", UserEntry::displayName);
        column("Role", 105, null, u -> u.admin() ? "Administrator" : "User");
        column("Status", 110, null, this::status);
        column("Online", 65, null, u -> u.online() ? "\u25CF online" : "");
        column("Created", 145, "createdAt", u -> AdminFormat.time(u.createdAt(), zone));
        viewer.addSelectionChangedListener(e -> updateButtons());
        viewer.addOpenListener(e -> selected().ifPresent(this::edit));

        Composite pager = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(pager);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pager);
        summary = WidgetIds.name(new Label(pager, SWT.NONE), "accounts.summary");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        previous = button(pager, "\u2039 Pre&vious", "accounts.previous", () -> {
            listing.previous();
            refresh();
        });
        next = button(pager, "Ne&xt \u203A", "accounts.next", () -> {
            listing.next(shown);
            refresh();
        });
        showSortIndicator();
        updateButtons();
        // other administrators, the console and self-registration change accounts too: catch up while in sight
        every(CATCH_UP_MILLIS, this::refresh);
    }

    @Override
    Optional<ClientListener> sessionListener() {
        return Optional.of(presence);
    }

    @Override
    void refresh() {
        listing.search(search.getText());
        call(admin -> admin.users(listing.request()), page -> {
            if (listing.stepBackIfBeyond(page)) {
                refresh();
                return;
            }
            if (!page.equals(shown)) {
                show(page);
            }
        });
    }

    @Override
    void clear() {
        show(new UserPage(List.of(), 0, false));
        summary.setText("");
    }

    /** The accounts on screen, for tests and the dialogs. */
    public List<UserEntry> shown() {
        return shown.users();
    }

    /** Selects the row of an account, for tests and after an addition. */
    public boolean select(String username) {
        for (UserEntry user : shown.users()) {
            if (user.username().equals(username)) {
                viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(user), true);
                updateButtons();
                return true;
            }
        }
        return false;
    }

    @Override
    public void setFocus() {
        search.setFocus();
    }

    private void show(UserPage page) {
        Optional<String> keep = selected().map(UserEntry::username);
        shown = page;
        viewer.setInput(page.users());
        keep.ifPresent(this::select);
        summary.setText(listing.summary(page));
        summary.getParent().layout();
        updateButtons();
    }

    private void presenceChanged(PresenceEntry entry) {
        if (!shown.more() && shown.users().stream().noneMatch(u -> u.username().equals(entry.username()))) {
            // someone the last page does not show: a new account (the server announces it with a presence push)
            refresh();
            return;
        }
        List<UserEntry> rows = shown.users().stream()
                .map(u -> u.username().equals(entry.username()) && u.online() != entry.online()
                        ? new UserEntry(u.username(), u.displayName(), u.admin(), u.locked(), entry.online(), u.createdAt(),
                                u.bannedUntil())
                        : u)
                .toList();
        if (!rows.equals(shown.users())) {
            show(new UserPage(rows, shown.total(), shown.more()));
        }
    }

    private String status(UserEntry user) {
        if (user.locked()) {
            return "Locked";
        }
        if (user.bannedUntil() != null) {
            long left = (user.bannedUntil() - System.currentTimeMillis()) / 1000;
            return "Banned until " + AdminFormat.time(user.bannedUntil(), zone) + " (" + AdminFormat.duration(left)
                    + " left)";
        }
        return "Active";
    }

    private void searchSoon() {
        int generation = ++searchGeneration;
        search.getDisplay().timerExec(SEARCH_DELAY_MILLIS, () -> {
            if (generation == searchGeneration && !search.isDisposed()) {
                refresh();
            }
        });
    }

    private void searchNow() {
        searchGeneration++;
        refresh();
    }

    private void add() {
        withAdmin(admin -> {
            AccountDialog dialog = AccountDialog.adding(shell(), admin);
            if (dialog.open() == Window.OK) {
                dialog.result().ifPresent(created -> {
                    announceChange();
                    search.setText("");
                    listing.search("");
                    refresh();
                });
            }
        });
    }

    private void edit(UserEntry user) {
        withAdmin(admin -> {
            AccountDialog dialog = AccountDialog.editing(shell(), admin, user);
            if (dialog.open() == Window.OK) {
                announceChange();
                refresh();
            }
        });
    }

    private void resetPassword(UserEntry user) {
        withAdmin(admin -> {
            if (new PasswordDialog(shell(), admin, user.username()).open() == Window.OK) {
                announceChange();
            }
        });
    }

    private void toggleLock(UserEntry user) {
        boolean locking = !user.locked();
        call(admin -> admin.updateUser(new UpdateUser(user.username(), null, null, null, locking, null)), updated -> {
            announceChange();
            refresh();
        });
    }

    private void liftBan(UserEntry user) {
        call(admin -> admin.updateUser(new UpdateUser(user.username(), null, null, null, null, Boolean.TRUE)), updated -> {
            announceChange();
            refresh();
        });
    }

    private void kick(UserEntry user) {
        withAdmin(admin -> {
            if (new KickDialog(shell(), admin, user.username()).open() == Window.OK) {
                announceChange();
                refresh();
            }
        });
    }

    private void delete(UserEntry user) {
        MessageDialog confirm = new MessageDialog(shell(), "Delete account", null, "Delete the account '" + user.username()
                + "' for good?\n\nIts sessions are closed and it can no longer log in. Messages still waiting for it are"
                + " discarded; conversations it took part in stay in the other users' histories. The username is never"
                + " given out again.", MessageDialog.WARNING, 1, "&Delete account", IDialogConstants.CANCEL_LABEL) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                WidgetIds.name(shell, "accounts.confirmDelete");
            }
        };
        if (confirm.open() == 0) {
            call(admin -> admin.deleteUser(user.username()), deleted -> {
                announceChange();
                refresh();
            });
        }
    }

    private Optional<UserEntry> selected() {
        if (viewer == null) {
            return Optional.empty();
        }
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof UserEntry user ? Optional.of(user) : Optional.empty();
    }

    private void updateButtons() {
        Optional<UserEntry> user = selected();
        for (Button button : List.of(edit, password, lock, kick, delete)) {
            button.setEnabled(user.isPresent());
        }
        unban.setEnabled(user.map(u -> u.bannedUntil() != null).orElse(false));
        kick.setEnabled(user.map(UserEntry::online).orElse(false));
        lock.setText(user.map(UserEntry::locked).orElse(false) ? "Un&lock" : "&Lock");
        lock.getParent().layout();
        previous.setEnabled(listing.hasPrevious());
        next.setEnabled(shown.more());
    }

    private void column(String title, int width, String sortField, Function<UserEntry, String> text) {
        TableViewerColumn column = column(viewer, UserEntry.class, title, width, text);
        if (sortField != null) {
            column.getColumn().setData("sort", sortField);
            column.getColumn().setToolTipText("Click to sort by " + title.toLowerCase(java.util.Locale.ROOT));
            column.getColumn().addListener(SWT.Selection, e -> {
                listing.sortBy(sortField);
                showSortIndicator();
                refresh();
            });
        }
    }

    private void showSortIndicator() {
        for (TableColumn column : viewer.getTable().getColumns()) {
            if (listing.sort().equals(column.getData("sort"))) {
                viewer.getTable().setSortColumn(column);
                viewer.getTable().setSortDirection(listing.descending() ? SWT.DOWN : SWT.UP);
            }
        }
    }

    private Shell shell() {
        return getSite().getShell();
    }

    static Button button(Composite parent, String label, String id, Runnable action) {
        Button button = WidgetIds.name(new Button(parent, SWT.PUSH), id);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }
}
