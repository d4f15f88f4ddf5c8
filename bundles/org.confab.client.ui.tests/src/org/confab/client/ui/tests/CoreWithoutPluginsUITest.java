package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.all;
import static org.confab.client.ui.tests.Ui.find;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The core client with no plugin installed at all: the client's own plugins, file transfer and
 * screenshots, are uninstalled from the framework (not just stopped), as after removing them on the
 * Plugins page. Logging in, chatting both ways and
 * opening conversations work; there is no "Send file…" and no "Share screenshot"; a picture and a file
 * a peer sends show as the readable fallback with a Save link. It runs in a framework of its own
 * (execution {@code without-plugins}): the workbench keeps a stale proxy of a removed plugin.xml
 * handler, so the other tests would find the screenshot command broken.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreWithoutPluginsUITest {
    private static final String PASSWORD = "plain words need no plugins";
    private static final List<String> PLUGINS = List.of("org.confab.filetransfer.ui", "org.confab.screenshot.ui");
    private static final String SHARE = "org.confab.screenshot.share";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(CoreWithoutPluginsUITest.class).getBundleContext();
    private static final Path WORK = Path.of("target", "core-without-plugins").toAbsolutePath();

    private static String server;
    private static String kim;
    private static String leo;
    private static ConfabClient leoClient;
    private static final List<ChatMessage> leoReceived = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void withoutPlugins() throws Exception {
        int port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        kim = unique("kim");
        leo = unique("leo");
        admin.addUser(AdminActor.console(), kim, PASSWORD, "Kim Core", false);
        admin.addUser(AdminActor.console(), leo, PASSWORD, "Leo Peer", false);
        Files.createDirectories(WORK);
        leoClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
        leoClient.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                leoReceived.add(message);
            }
        });
        leoClient.connect().get(10, TimeUnit.SECONDS);
        leoClient.login(leo, PASSWORD).get(10, TimeUnit.SECONDS);

        Sessions.logOut();
        List<Bundle> plugins = Arrays.stream(CONTEXT.getBundles()).filter(b -> PLUGINS.contains(b.getSymbolicName())).toList();
        assertEquals(PLUGINS.size(), plugins.size(), "both client plugins are in the test framework");
        for (Bundle plugin : plugins) {
            plugin.uninstall();
        }
        refresh();
        Sessions.logIn(server, kim, PASSWORD);
    }

    @AfterAll
    static void close() {
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
        if (leoClient != null) {
            leoClient.close();
        }
    }

    @Test
    @Order(1)
    void noPluginIsInstalledAndTheirActionsCommandsAndButtonsAreGone() {
        assertTrue(Arrays.stream(CONTEXT.getBundles()).noneMatch(b -> PLUGINS.contains(b.getSymbolicName())));
        ui(() -> Workbench.openConversation(Sessions.window(), leo, true).orElseThrow());
        assertTrue(ui(() -> composerItems().stream().noneMatch(text -> text.startsWith("Send file"))), ui(() -> composerItems()).toString());
        assertTrue(ui(() -> toolbarIds().stream().noneMatch(SHARE::equals)), ui(() -> toolbarIds()).toString());
    }

    @Test
    @Order(2)
    void chatWorksBothWays() throws Exception {
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), leo, true).orElseThrow());
        run(() -> {
            conversation.composer().setText("the core alone still talks");
            conversation.send();
        });
        waitUntil("Leo received Kim's message", () -> leoReceived.stream().anyMatch(m -> "the core alone still talks".equals(m.text())));
        leoClient.send(kim, "c1-" + unique(""), "and it still listens").get(10, TimeUnit.SECONDS);
        waitUntil("Leo's answer in the transcript", () -> rowTexts().stream().anyMatch(text -> text.contains("and it still listens")));
    }

    @Test
    @Order(3)
    void aPictureAndAFileFromAPeerShowAsTheReadableFallbackWithASaveLink() throws Exception {
        ui(() -> Workbench.openConversation(Sessions.window(), leo, true).orElseThrow());
        sendWithAttachment("image", "a picture of the harbour", "harbour.png", "image/png");
        sendWithAttachment("file", "minutes.txt", "minutes.txt", "text/plain");
        waitUntil("both rows fall back", () -> fallbacks().stream().anyMatch(t -> t.contains("sent a image message this client cannot show"))
                && fallbacks().stream().anyMatch(t -> t.contains("sent a file message this client cannot show")));
        waitUntil("each with a Save link", () -> all(Sessions.window().getShell(), Link.class, "conversation.row.save").stream()
                .map(Link::getText).filter(text -> text.contains("Save ")).count() >= 2);
        assertTrue(rowTexts().stream().anyMatch(text -> text.contains("a picture of the harbour"))
                || fallbacks().stream().anyMatch(text -> text.contains("a picture of the harbour")), "the message's own text is shown");
        ui(() -> {
            Ui.screenshot(Sessions.window().getShell(), "core-without-plugins");
            return null;
        });
    }

    private static void sendWithAttachment(String kind, String text, String name, String mediaType) throws Exception {
        Path file = Files.writeString(WORK.resolve(name), "not really a " + kind + " " + UUID.randomUUID());
        UploadedAttachment uploaded = leoClient.attachments().upload(file, name, mediaType, TransferProgress.NONE)
                .get(30, TimeUnit.SECONDS);
        CompletableFuture<?> sent = leoClient.send(kim, OutgoingMessage.of(kind, text, JsonNodeFactory.instance.objectNode(),
                List.of(uploaded.reference())));
        sent.get(10, TimeUnit.SECONDS);
    }

    private static List<String> rowTexts() {
        return ui(() -> all(Sessions.window().getShell(), StyledText.class, "conversation.row.text").stream().map(StyledText::getText)
                .toList());
    }

    private static List<String> fallbacks() {
        return ui(() -> all(Sessions.window().getShell(), Label.class, "conversation.row.fallback").stream().map(Label::getText).toList());
    }

    private static List<String> composerItems() {
        return find(Sessions.window().getShell(), ToolBar.class, "conversation.composerToolbar").stream()
                .flatMap(bar -> Arrays.stream(bar.getItems())).map(ToolItem::getText).toList();
    }

    private static List<String> toolbarIds() {
        return find(Sessions.window().getShell(), ToolBar.class, "conversation.toolbar").stream()
                .flatMap(bar -> Arrays.stream(bar.getItems()))
                .map(item -> item.getData() instanceof ActionContributionItem contribution ? contribution.getId() : "")
                .toList();
    }

    private static void refresh() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CONTEXT.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.complete(null);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the framework did not refresh", e);
        }
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
