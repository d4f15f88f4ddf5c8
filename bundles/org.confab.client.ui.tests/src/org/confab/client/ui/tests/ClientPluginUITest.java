package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.all;
import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.find;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.screenshot;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.confab.client.ui.tests.Ui.widget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.PushSubscription;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ComposerAction;
import org.confab.client.ui.ComposerContext;
import org.confab.client.ui.ComposerDropHandler;
import org.confab.client.ui.ComposerPasteHandler;
import org.confab.client.ui.ContactAction;
import org.confab.client.ui.ContactContext;
import org.confab.client.ui.ContributionProperties;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.MessageView;
import org.confab.client.ui.PastedContent;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.views.ContactsView;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.protocol.Frame;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.protocol.messages.Messages.MessagePage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.confab.server.api.MessageHandler;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IEditorReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The client's plugin doors as a plugin uses them, in the real window against the real server: a
 * message renderer for the kind {@code x.test.dice} registered at run time draws the peer's dice message
 * inside the conversation, its row falls back to the readable text when the renderer goes and comes
 * back with it; a composer action sends a message of that kind; an action needing a capability the
 * server lacks is disabled and says why; a contact action acts on the selected contact; files dropped
 * and content pasted reach the handlers; a plugin's server half answers its request and pushes through
 * the logged-in session, and actions needing it are enabled once the server announces it. Everything
 * vanishes with its service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientPluginUITest {
    private static final String PASSWORD = "dice are nice to roll";
    private static final String KIND = "x.test.dice";
    private static final String FACE = "test.dice.face";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ClientPluginUITest.class).getBundleContext();

    private static String server;
    private static String carol;
    private static String dave;
    private static ConfabClient daveClient;
    private static final List<ChatMessage> daveReceived = new CopyOnWriteArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeAll
    static void accounts() throws Exception {
        int port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        carol = unique("carol");
        dave = unique("dave");
        admin.addUser(AdminActor.console(), carol, PASSWORD, "Carol Plugin", false);
        admin.addUser(AdminActor.console(), dave, PASSWORD, "Dave Dice", false);
        daveClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
        daveClient.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                daveReceived.add(message);
            }
        });
        daveClient.connect().get(10, TimeUnit.SECONDS);
        daveClient.login(dave, PASSWORD).get(10, TimeUnit.SECONDS);
        Sessions.logOut();
        Sessions.logIn(server, carol, PASSWORD);
    }

    @AfterAll
    static void close() {
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
        if (daveClient != null) {
            daveClient.close();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    @Test
    @Order(1)
    void aRendererDrawsItsKindInTheConversationAndTheRowFallsBackWhenItGoes() throws Exception {
        List<MessageView> seen = new CopyOnWriteArrayList<>();
        ServiceRegistration<MessageRenderer> renderer = renderer(seen);
        daveClient.send(carol, "Shall we roll for who pays lunch?").get(10, TimeUnit.SECONDS);
        daveClient.send(carol, OutgoingMessage.of(KIND, "rolled a five",
                JsonNodeFactory.instance.objectNode().put("face", 5), List.of())).get(10, TimeUnit.SECONDS);
        waitUntil("dave in the contacts", () -> ((ContactsView) Sessions.window().getActivePage().findView(ContactsView.ID))
                .shown().stream().anyMatch(c -> c.username().equals(dave) && c.displayName().equals("Dave Dice")));
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), dave, true).orElseThrow());

        waitUntil("the plugin's row", () -> faces().contains("\u2684 5 (rolled a five)"));
        MessageView view = seen.get(seen.size() - 1);
        assertEquals(KIND, view.kind());
        assertEquals(dave, view.sender());
        assertEquals("Dave Dice", view.senderDisplayName());
        assertFalse(view.own());
        assertEquals(5, view.meta().get("face").asInt());

        renderer.unregister();
        waitUntil("the fallback row", () -> faces().isEmpty() && fallbacks()
                .contains("Dave Dice sent a " + KIND + " message this client cannot show"));
        assertTrue(ui(conversation::transcriptText).contains("rolled a five"), "the fallback shows the text");

        renderer(seen);
        waitUntil("the plugin's row again when a renderer appears",
                () -> faces().contains("\u2684 5 (rolled a five)") && fallbacks().isEmpty());
    }

    @Test
    @Order(2)
    void aComposerActionSendsThePluginsKindAndVanishesWithItsService() {
        renderer(new CopyOnWriteArrayList<>());
        ServiceRegistration<ComposerAction> roll = register(ComposerAction.class, new ComposerAction() {
            @Override
            public String label() {
                return "Roll";
            }

            @Override
            public void run(ComposerContext context) {
                context.send(OutgoingMessage.of(KIND, "rolled a two", JsonNodeFactory.instance.objectNode().put("face", 2),
                        List.of()));
            }
        }, "test.roll", null);
        ToolItem button = await("the composer button", () -> composerItem("Roll"));
        run(() -> click(button));

        waitUntil("the own dice row", () -> faces().contains("\u2684 2 (rolled a two)"));
        ConversationEditor conversation = ui(() -> conversation(dave).orElseThrow());
        waitUntil("the own dice row delivered", () -> conversation.transcriptText()
                .contains("\u2713\u2713 delivered\nrolled a two"));
        run(() -> screenshot(Sessions.window().getShell(), "client-plugin-row"));
        waitUntil("dave's client got the dice message",
                () -> daveReceived.stream().anyMatch(m -> m.kind().equals(KIND) && m.meta().get("face").asInt() == 2));

        roll.unregister();
        registrations.remove(roll);
        waitUntil("the button gone with its service", () -> composerItem("Roll").isEmpty());
    }

    @Test
    @Order(3)
    void anActionNeedingACapabilityTheServerLacksIsDisabledAndSaysWhy() {
        register(ComposerAction.class, new ComposerAction() {
            @Override
            public String label() {
                return "Share screen";
            }

            @Override
            public void run(ComposerContext context) {
                throw new AssertionError("a disabled action must not run");
            }
        }, "test.share", "x.absent");
        ToolItem button = await("the gated button", () -> composerItem("Share screen"));
        assertFalse(ui(button::isEnabled));
        assertTrue(ui(button::getToolTipText).contains("the server has no x.absent plugin"), ui(button::getToolTipText));
    }

    @Test
    @Order(4)
    void aContactActionActsOnTheSelectedContact() {
        List<String> chosen = new CopyOnWriteArrayList<>();
        ServiceRegistration<ContactAction> wave = register(ContactAction.class, new ContactAction() {
            @Override
            public String label() {
                return "Wave at";
            }

            @Override
            public void run(ContactContext contact) {
                chosen.add(contact.username() + "/" + contact.displayName());
            }
        }, "test.wave", null);
        register(ContactAction.class, new ContactAction() {
            @Override
            public String label() {
                return "Play dice";
            }

            @Override
            public void run(ContactContext contact) {
                throw new AssertionError("a disabled action must not run");
            }
        }, "test.play", "x.absent");

        waitUntil("the contact menu item", () -> contactMenu().anyMatch(i -> i.getText().equals("Wave at")));
        assertFalse(ui(() -> contactMenu().filter(i -> i.getText().equals("Play dice")).findFirst().orElseThrow()
                .isEnabled()), "the server has no x.absent plugin");
        // the menu is filled afresh each time it opens: click an item of the same opening
        run(() -> click(contactMenu().filter(i -> i.getText().equals("Wave at")).findFirst().orElseThrow()));
        assertEquals(List.of(dave + "/Dave Dice"), chosen);

        wave.unregister();
        registrations.remove(wave);
        waitUntil("the menu item gone with its service",
                () -> contactMenu().noneMatch(i -> i.getText().equals("Wave at")));
    }

    @Test
    @Order(5)
    void droppedFilesAndPastedContentReachTheHandlers() throws Exception {
        List<String> dropped = new CopyOnWriteArrayList<>();
        List<PastedContent> pasted = new CopyOnWriteArrayList<>();
        register(ComposerDropHandler.class, (ComposerDropHandler) (ConversationContext context, List<Path> files) -> dropped
                .add(context.peer() + ":" + files.get(0).getFileName()), "test.drop", null);
        register(ComposerPasteHandler.class, (ComposerPasteHandler) (context, content) -> pasted.add(content),
                "test.paste", null);
        ConversationEditor conversation = ui(() -> conversation(dave).orElseThrow());
        Path file = Files.writeString(Files.createTempFile("dropped", ".txt"), "dropped onto the conversation");

        assertTrue(ui(() -> conversation.dropFiles(List.of(file))));
        assertEquals(List.of(dave + ":" + file.getFileName()), dropped);

        ImageData picture = new ImageData(4, 4, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        assertTrue(ui(() -> conversation.paste(new PastedContent(Optional.of(picture), List.of()))));
        assertEquals(4, pasted.get(0).image().orElseThrow().width);

        // a real Ctrl+V with files on the clipboard goes to the handler, not into the text
        run(() -> {
            Clipboard clipboard = new Clipboard(conversation.composer().getDisplay());
            clipboard.setContents(new Object[] { new String[] { file.toString() } },
                    new Transfer[] { FileTransfer.getInstance() });
            Event paste = new Event();
            paste.keyCode = 'v';
            paste.stateMask = SWT.MOD1;
            conversation.composer().notifyListeners(SWT.KeyDown, paste);
            clipboard.dispose();
        });
        waitUntil("the pasted files at the handler", () -> pasted.size() == 2);
        assertEquals(List.of(file), pasted.get(1).files());
        assertEquals("", ui(conversation.composer()::getText));
    }

    @Test
    @Order(6)
    void aPluginTalksToItsServerHalfThroughTheSessionAndItsActionsFollowTheServersCapabilities() throws Exception {
        register(ComposerAction.class, new ComposerAction() {
            @Override
            public String label() {
                return "Roll with server";
            }

            @Override
            public void run(ComposerContext context) {
                context.insertIntoComposer("server roll");
            }
        }, "test.serverRoll", KIND);
        ToolItem button = await("the button needing the server half", () -> composerItem("Roll with server"));
        assertFalse(ui(button::isEnabled), "no server half yet");

        // the plugin's server half: answers x.test.dice.roll and pushes the roll to the same session
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MessageHandler.TYPES, KIND + ".roll");
        properties.put(MessageHandler.CAPABILITY, KIND);
        registrations.add(CONTEXT.registerService(MessageHandler.class, (MessageHandler) (session, frame) -> {
            session.send(new Frame(KIND + ".rolled", 0, JsonNodeFactory.instance.objectNode().put("face", 6)));
            session.send(new Frame(frame.okType(), frame.rid(), JsonNodeFactory.instance.objectNode().put("face", 6)));
        }, properties));
        Sessions.logOut();
        Sessions.logIn(server, carol, PASSWORD);

        ChatSession session = CONTEXT.getService(CONTEXT.getServiceReference(ChatSession.class));
        assertTrue(session.serverCapabilities().containsKey(KIND), session.serverCapabilities().toString());
        List<Integer> pushed = new CopyOnWriteArrayList<>();
        try (PushSubscription subscription = session.subscribe(KIND + ".rolled",
                (type, body) -> pushed.add(body.get("face").asInt()))) {
            ObjectNode answer = session.request(KIND + ".roll", JsonNodeFactory.instance.objectNode())
                    .get(10, TimeUnit.SECONDS);
            assertEquals(6, answer.get("face").asInt());
            waitUntil("the plugin's push", () -> pushed.equals(List.of(6)));
        }
        ui(() -> Workbench.openConversation(Sessions.window(), dave, true).orElseThrow());
        ToolItem enabled = await("the button enabled now that the server has the plugin",
                () -> composerItem("Roll with server").filter(ToolItem::isEnabled));
        run(() -> click(enabled));
        assertEquals("server roll", ui(() -> conversation(dave).orElseThrow().composer().getText()));
    }

    @Test
    @Order(7)
    void aLongConversationHasControlsOnlyForItsNewestRowsUntilTheReaderScrollsUp() {
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), dave, true).orElseThrow());
        List<ChatMessage> older = new ArrayList<>();
        long start = System.currentTimeMillis() - 3000L * 60_000;
        for (int i = 0; i < 3000; i++) {
            older.add(new ChatMessage(1_000_000 + i, i % 2 == 0 ? dave : carol, i % 2 == 0 ? carol : dave,
                    "old message " + i, start + i * 60_000L, "old-" + i, true));
        }
        long took = ui(() -> {
            long before = System.nanoTime();
            Workbench.controller(Sessions.window()).conversation(dave).addPage(new MessagePage(older, false), true);
            return (System.nanoTime() - before) / 1_000_000;
        });
        Composite editor = ui(() -> conversation.composer().getParent().getParent());
        int rows = ui(() -> all(editor, Composite.class, "conversation.row").size());
        assertTrue(rows <= 100, rows + " message rows have controls");
        assertTrue(took < 5_000, "3,000 messages took " + took + " ms to show");
        assertTrue(ui(conversation::transcriptText).contains("old message 2999"));

        // the reader reaches the top: a page more gets controls, the top row stays where it was
        run(() -> {
            ScrolledComposite transcript = find(editor, ScrolledComposite.class, "conversation.transcript").orElseThrow();
            transcript.setOrigin(0, 0);
            transcript.getVerticalBar().notifyListeners(SWT.Selection, new Event());
        });
        int more = ui(() -> all(editor, Composite.class, "conversation.row").size());
        assertTrue(more > rows && more <= rows + 100, rows + " then " + more + " rows");
        assertTrue(ui(() -> find(editor, ScrolledComposite.class, "conversation.transcript").orElseThrow().getOrigin().y) > 0,
                "the rows taken in above do not move what the reader looked at");

        // a jump far above (as from the history search) takes in the rows down to the message
        run(() -> conversation.reveal(1_002_700));
        assertTrue(ui(conversation::transcriptText).contains("old message 2700"));
        assertTrue(ui(conversation::highlightedHeader).isPresent());
    }

    private ServiceRegistration<MessageRenderer> renderer(List<MessageView> seen) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(MessageRenderer.KINDS_PROPERTY, new String[] { KIND });
        ServiceRegistration<MessageRenderer> registration = CONTEXT.registerService(MessageRenderer.class,
                (parent, message) -> {
                    seen.add(message);
                    Label face = WidgetIds.name(new Label(parent, SWT.NONE), FACE);
                    face.setText("\u2684 " + message.meta().path("face").asInt() + " (" + message.text() + ")");
                    face.setFont(JFaceResources.getHeaderFont());
                }, properties);
        registrations.add(registration);
        return registration;
    }

    private <T> ServiceRegistration<T> register(Class<T> type, T service, String id, String capability) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ContributionProperties.ID, id);
        if (capability != null) {
            properties.put(ContributionProperties.REQUIRED_CAPABILITY, capability);
        }
        ServiceRegistration<T> registration = CONTEXT.registerService(type, service, properties);
        registrations.add(registration);
        return registration;
    }

    /** The texts of the dice faces the test renderer drew. Call on the display thread. */
    private static List<String> faces() {
        return all(shell(), Label.class, FACE).stream().map(Label::getText).toList();
    }

    /** The texts of the fallback rows. Call on the display thread. */
    private static List<String> fallbacks() {
        return all(shell(), Label.class, "conversation.row.fallback").stream().map(Label::getText).toList();
    }

    private static Optional<ToolItem> composerItem(String text) {
        return find(shell(), ToolBar.class, "conversation.composerToolbar").stream()
                .flatMap(bar -> Arrays.stream(bar.getItems()))
                .filter(item -> text.equals(item.getText())).findFirst();
    }

    /** Opens the contacts list's context menu on dave and returns its items. Call on the display thread. */
    private static java.util.stream.Stream<MenuItem> contactMenu() {
        ContactsView contacts = (ContactsView) Sessions.window().getActivePage().findView(ContactsView.ID);
        Table table = widget(shell(), Table.class, "contacts.table");
        int row = contacts.shown().stream().map(c -> c.username()).toList().indexOf(dave);
        table.setSelection(row);
        Menu menu = table.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem[] items = menu.getItems();
        menu.notifyListeners(SWT.Hide, new Event());
        return Arrays.stream(items);
    }

    private static Optional<ConversationEditor> conversation(String peer) {
        for (IEditorReference reference : Sessions.window().getActivePage().getEditorReferences()) {
            if (reference.getEditor(true) instanceof ConversationEditor editor && editor.peer().equals(peer)) {
                return Optional.of(editor);
            }
        }
        return Optional.empty();
    }

    private static Shell shell() {
        return Sessions.window().getShell();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
