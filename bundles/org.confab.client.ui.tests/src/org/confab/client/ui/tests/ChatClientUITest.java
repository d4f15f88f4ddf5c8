package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.later;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.ConfabClient;
import org.confab.client.ui.ConversationAction;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.internal.dialogs.LoginDialog;
import org.confab.client.ui.internal.dialogs.RegisterDialog;
import org.confab.client.ui.internal.model.Contact;
import org.confab.client.ui.internal.session.SavedPasswords;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.HistoryView;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.server.api.ServerEndpoint;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One user's day with the client, in order, against the real server running in the same framework:
 * the login dialog's failures, registration with the server's objections shown inline, offline
 * messages at login, chatting with a peer (driven by the client library) with delivery states, unread
 * counts, history search, a plugin action, and a server restart that the window survives without
 * losing a message typed meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatClientUITest {
    private static final String PASSWORD = "correct horse battery";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ChatClientUITest.class).getBundleContext();

    private static String server;
    private static String alice;
    private static String bob;
    private static ConfabClient bobClient;
    private static final List<ChatMessage> bobReceived = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPeer() throws Exception {
        assertNull(org.eclipse.swt.widgets.Display.getCurrent(), "the test must not run on the UI thread");
        ServiceTracker<ServerEndpoint, ServerEndpoint> endpoints = new ServiceTracker<>(CONTEXT, ServerEndpoint.class, null);
        endpoints.open();
        ServerEndpoint endpoint = endpoints.waitForService(60_000);
        server = "127.0.0.1:" + endpoint.address().getPort();
        alice = unique("alice");
        bob = unique("bob");
        bobClient = client();
        bobClient.connect().get(10, TimeUnit.SECONDS);
        bobClient.register(bob, PASSWORD, "Bob Builder").get(10, TimeUnit.SECONDS);
        bobClient.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                bobReceived.add(message);
            }
        });
        bobClient.login(bob, PASSWORD).get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopPeer() {
        if (bobClient != null) {
            bobClient.close();
        }
    }

    @Test
    @Order(1)
    void loginDialogSaysWhenTheServerCannotBeReached() {
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        run(() -> {
            widget(login, Text.class, "login.server").setText("127.0.0.1:1");
            widget(login, Text.class, "login.username").setText("nobody");
            widget(login, Text.class, "login.password").setText("whatever-it-is");
            click(widget(login, Button.class, "login.ok"));
        });
        waitUntil("the unreachable-server message", () -> errorMessage(login).startsWith("Cannot reach the server at 127.0.0.1:1"));
    }

    @Test
    @Order(2)
    void registrationShowsTheServersObjectionsNextToTheField() {
        Shell login = ui(() -> shell(LoginDialog.SHELL_ID).orElseThrow());
        run(() -> widget(login, Text.class, "login.server").setText(server));
        later(() -> click(widget(login, Link.class, "login.register")));
        Shell register = await("the registration dialog", () -> shell(RegisterDialog.SHELL_ID));
        assertEquals(server, ui(() -> widget(register, Text.class, "register.server").getText()));
        run(() -> {
            widget(register, Text.class, "register.username").setText("9-lives");
            widget(register, Text.class, "register.displayName").setText("Alice Liddell");
            widget(register, Text.class, "register.password").setText(PASSWORD);
            widget(register, Text.class, "register.confirmation").setText(PASSWORD);
            click(widget(register, Button.class, "register.ok"));
        });
        waitUntil("the username rule under the field, checked before anything is sent",
                () -> widget(register, Label.class, "register.usernameError").isVisible()
                        && widget(register, Label.class, "register.usernameError").getText().contains("letter"));
        run(() -> {
            widget(register, Text.class, "register.username").setText(alice);
            widget(register, Text.class, "register.password").setText("the " + alice + " password");
            widget(register, Text.class, "register.confirmation").setText("the " + alice + " password");
            click(widget(register, Button.class, "register.ok"));
        });
        waitUntil("the password rule under its field",
                () -> widget(register, Label.class, "register.passwordError").isVisible()
                        && widget(register, Label.class, "register.passwordError").getText()
                                .equals("The password must not contain the username."));
        assertFalse(ui(() -> widget(register, Label.class, "register.usernameError").isVisible()), "the name is fine now");

        run(() -> {
            widget(register, Text.class, "register.username").setText(bob);
            widget(register, Text.class, "register.password").setText(PASSWORD);
            widget(register, Text.class, "register.confirmation").setText(PASSWORD);
            click(widget(register, Button.class, "register.ok"));
        });
        waitUntil("the server's objection under the field",
                () -> widget(register, Label.class, "register.usernameError").isVisible()
                        && widget(register, Label.class, "register.usernameError").getText().equals("This username is taken."));

        run(() -> {
            widget(register, Text.class, "register.username").setText(alice);
            click(widget(register, Button.class, "register.ok"));
        });
        waitUntil("the registration dialog to close", () -> register.isDisposed());
        waitUntil("the new user logged in at once", login::isDisposed);
        waitUntil("connected as the new user", () -> statusLine().startsWith("Connected as " + alice));
    }

    @Test
    @Order(3)
    void wrongPasswordIsReportedAsSuch() {
        Sessions.logOut();
        Shell login = await("the login dialog", () -> shell(LoginDialog.SHELL_ID));
        assertEquals(alice, ui(() -> widget(login, Text.class, "login.username").getText()), "the last user offered");
        run(() -> {
            widget(login, Text.class, "login.password").setText("not the password");
            click(widget(login, Button.class, "login.ok"));
        });
        waitUntil("the wrong-password message", () -> "Wrong username or password.".equals(errorMessage(login)));
    }

    @Test
    @Order(4)
    void messagesSentWhileOfflineAreShownAtLogin() throws Exception {
        bobClient.send(alice, "Are you there? (sent while you were away)").get(10, TimeUnit.SECONDS);
        Shell login = ui(() -> shell(LoginDialog.SHELL_ID).orElseThrow());
        run(() -> {
            widget(login, Text.class, "login.password").setText(PASSWORD);
            widget(login, Button.class, "login.remember").setSelection(true);
            click(widget(login, Button.class, "login.ok"));
        });
        waitUntil("the login dialog to close", login::isDisposed);
        waitUntil("the status line to say connected",
                () -> statusLine().startsWith("Connected as " + alice + " to " + server));

        Path storage = Platform.getStateLocation(FrameworkUtil.getBundle(LoginDialog.class)).append("secure_storage")
                .toPath();
        assertEquals(Optional.of(PASSWORD), new SavedPasswords(storage).load(server, alice), "remember me saved it");
        assertFalse(Files.readString(storage).contains(PASSWORD), "never in plain text");

        ConversationEditor conversation = await("the conversation with bob, opened for the offline message",
                () -> conversation(bob));
        waitUntil("the offline message in the transcript",
                () -> conversation.transcriptText().contains("Are you there? (sent while you were away)"));
        waitUntil("bob online at the top of the contacts", () -> {
            List<Contact> shown = contacts().shown();
            return !shown.isEmpty() && shown.get(0).username().equals(bob) && shown.get(0).online()
                    && shown.get(0).displayName().equals("Bob Builder");
        });
    }

    @Test
    @Order(5)
    void sentMessageIsShownSendingThenDelivered() {
        run(() -> page().closeAllEditors(false));
        ContactsView contacts = contacts();
        run(() -> {
            Table table = widget(window().getShell(), Table.class, "contacts.table");
            int row = contacts.shown().stream().map(Contact::username).toList().indexOf(bob);
            table.setSelection(row);
            Event open = new Event();
            open.item = table.getItem(row);
            table.notifyListeners(SWT.DefaultSelection, open);
        });
        ConversationEditor conversation = await("the conversation opened by double-click", () -> conversation(bob));
        run(() -> {
            Text composer = conversation.composer();
            composer.setText("Lunch at noon? The quokka place.");
            Event enter = new Event();
            enter.keyCode = SWT.CR;
            enter.character = SWT.CR;
            composer.notifyListeners(SWT.KeyDown, enter);
            assertEquals("", composer.getText(), "Enter sends and empties the composer");
        });
        waitUntil("the message delivered to bob's client",
                () -> conversation.transcriptText().contains("Lunch at noon? The quokka place.")
                        && conversation.transcriptText().contains("\u2713\u2713 delivered"));
        waitUntil("bob's client received it",
                () -> bobReceived.stream().anyMatch(m -> m.text().equals("Lunch at noon? The quokka place.")));
    }

    @Test
    @Order(6)
    void messageToAClosedConversationRaisesTheUnreadCount() throws Exception {
        run(() -> page().closeAllEditors(false));
        bobClient.send(alice, "Noon works. See you there.").get(10, TimeUnit.SECONDS);

        waitUntil("one unread message from bob in the contacts", () -> contacts().shown().stream()
                .anyMatch(c -> c.username().equals(bob) && c.unread() == 1));
        waitUntil("the unread count in the window title",
                () -> window().getShell().getText().equals("(1) Confab \u2014 " + alice));
    }

    @Test
    @Order(7)
    void historySearchHighlightsHitsAndJumpsToTheConversation() {
        HistoryView history = ui(() -> (HistoryView) page().showView(HistoryView.ID));
        run(() -> history.search("QUOKKA"));
        waitUntil("the search result", () -> history.shown().size() == 1
                && history.shown().get(0).text().equals("Lunch at noon? The quokka place."));
        assertTrue(ui(history::statusText).contains("1 found"));
        Table results = ui(() -> widget(window().getShell(), Table.class, "history.table"));
        assertEquals("Lunch at noon? The quokka place.", ui(() -> results.getItem(0).getText(3)));

        run(() -> history.jumpTo(history.shown().get(0)));
        ConversationEditor conversation = await("the conversation of the hit", () -> conversation(bob));
        waitUntil("the hit selected in the transcript",
                () -> conversation.highlightedHeader().filter(header -> header.startsWith("You ")).isPresent());
        assertTrue(ui(conversation::transcriptText).contains("Noon works. See you there."));
    }

    @Test
    @Order(8)
    void pluginActionsAppearInTheConversationToolbar() {
        List<String> ran = new CopyOnWriteArrayList<>();
        ConversationAction action = new ConversationAction() {
            @Override
            public String label() {
                return "Wave";
            }

            @Override
            public void run(ConversationContext context) {
                ran.add(context.peer());
                context.sendText("\uD83D\uDC4B waves");
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ConversationAction.ID_PROPERTY, "test.wave");
        ServiceRegistration<ConversationAction> registration = CONTEXT.registerService(ConversationAction.class,
                action, properties);
        try {
            ConversationEditor conversation = await("the conversation", () -> conversation(bob));
            ToolItem wave = await("the contributed toolbar button", () -> toolItem("Wave"));
            run(() -> click(wave));
            assertEquals(List.of(bob), ran);
            waitUntil("the action's message in the conversation",
                    () -> conversation.transcriptText().contains("\uD83D\uDC4B waves"));
        } finally {
            registration.unregister();
        }
        waitUntil("the button gone with the service", () -> toolItem("Wave").isEmpty());
    }

    @Test
    @Order(9)
    void serverRestartShowsReconnectingAndLosesNoTypedMessage() throws Exception {
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        TestServer.pinTransportPort(CONTEXT, port);
        Bundle transport = java.util.Arrays.stream(CONTEXT.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.confab.server.transport")).findFirst().orElseThrow();
        waitUntil("connected after the transport picked up its pinned port",
                () -> statusLine().startsWith("Connected as " + alice));

        transport.stop();
        waitUntil("the status line to say reconnecting", () -> statusLine().startsWith("Reconnecting to " + server));
        ConversationEditor conversation = await("the conversation", () -> conversation(bob));
        run(() -> {
            conversation.composer().setText("Typed while the server was down");
            conversation.send();
        });
        waitUntil("the message waiting", () -> conversation.transcriptText().contains("\u25CB sending"));

        transport.start();
        waitUntil("connected again", () -> statusLine().startsWith("Connected as " + alice));
        waitUntil("the typed message delivered after the restart",
                () -> conversation.transcriptText().contains("Typed while the server was down")
                        && !conversation.transcriptText().contains("\u25CB sending"));
        waitUntil("bob's client received it",
                () -> bobReceived.stream().anyMatch(m -> m.text().equals("Typed while the server was down")));
    }

    private static ConfabClient client() {
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        return new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    private static String unique(String prefix) {
        return prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static IWorkbenchWindow window() {
        return ui(() -> PlatformUI.getWorkbench().getWorkbenchWindows()[0]);
    }

    private static IWorkbenchPage page() {
        return ui(() -> window().getActivePage());
    }

    private static ContactsView contacts() {
        return ui(() -> (ContactsView) page().findView(ContactsView.ID));
    }

    private static String statusLine() {
        return ui(() -> widget(window().getShell(), CLabel.class, "status.connection").getText());
    }

    private static String errorMessage(Shell dialog) {
        return ui(() -> {
            Object data = dialog.getData();
            String message = data instanceof org.eclipse.jface.dialogs.TitleAreaDialog d ? d.getErrorMessage() : null;
            return message == null ? "" : message;
        });
    }

    /** The open conversation with a peer. Call on the display thread or through {@link Ui#await}. */
    private static Optional<ConversationEditor> conversation(String peer) {
        for (IEditorReference reference : PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage()
                .getEditorReferences()) {
            if (reference.getEditor(true) instanceof ConversationEditor editor && editor.peer().equals(peer)) {
                return Optional.of(editor);
            }
        }
        return Optional.empty();
    }

    private static Optional<ToolItem> toolItem(String text) {
        Shell shell = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
        org.eclipse.swt.widgets.ToolBar toolbar = widget(shell, org.eclipse.swt.widgets.ToolBar.class,
                "conversation.toolbar");
        return java.util.Arrays.stream(toolbar.getItems()).filter(item -> text.equals(item.getText())).findFirst();
    }
}
