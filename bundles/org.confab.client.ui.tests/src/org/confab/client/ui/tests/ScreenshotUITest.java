package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.all;
import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.find;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.shell;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.client.ui.PastedContent;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.ImageTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The screenshot plugin (bundle org.confab.screenshot.ui) in the real window on the X display, against
 * the real server in the same framework: a window with a known pattern is captured through "Share
 * screenshot" and the overlay, the preview holds exactly its pixels, the blur changes the covered pixels
 * and only those, and the PNG the peer downloads has the pixels that were sent; the peer's pictures show
 * as inline thumbnails that open the full picture; a pasted picture opens the preview; the key binding
 * runs the same command; without the plugin bundle the action is gone, the client keeps working and
 * image rows fall back to a text with a Save link. The peer is a headless client of the library.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenshotUITest {
    private static final String PASSWORD = "pictures say more than words";
    private static final String SHARE = "org.confab.screenshot.share";
    private static final String PLUGIN = "org.confab.screenshot.ui";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(ScreenshotUITest.class).getBundleContext();
    private static final Path WORK = Path.of("target", "screenshot-plugin").toAbsolutePath();
    /** Where the pattern window stands on the screen, and the region the test selects inside it. */
    private static final Rectangle PATTERN = new Rectangle(220, 160, 260, 180);
    private static final Rectangle REGION = new Rectangle(PATTERN.x + 10, PATTERN.y + 10, 160, 120);
    private static final int RED = 0xD02020;
    private static final int BLUE = 0x2040C0;
    private static final int GREEN = 0x20A040;

    private static String server;
    private static String gina;
    private static String hank;
    private static ConfabClient hankClient;
    private static final List<ChatMessage> hankReceived = new CopyOnWriteArrayList<>();
    private static Shell pattern;

    @BeforeAll
    static void accounts() throws Exception {
        int port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        gina = unique("gina");
        hank = unique("hank");
        admin.addUser(AdminActor.console(), gina, PASSWORD, "Gina Shots", false);
        admin.addUser(AdminActor.console(), hank, PASSWORD, "Hank Peer", false);
        Files.createDirectories(WORK);
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).put(Preferences.SCREENSHOTS, WORK.resolve("shots").toString());
        IEclipsePreferences plugin = InstanceScope.INSTANCE.getNode(PLUGIN);
        plugin.putBoolean("hideWindow", true);
        plugin.putInt("delaySeconds", 0);
        hankClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)));
        hankClient.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                hankReceived.add(message);
            }
        });
        hankClient.connect().get(10, TimeUnit.SECONDS);
        hankClient.login(hank, PASSWORD).get(10, TimeUnit.SECONDS);
        Sessions.logOut();
        Sessions.logIn(server, gina, PASSWORD);
        ui(() -> Workbench.openConversation(Sessions.window(), hank, true).orElseThrow());
    }

    @AfterAll
    static void close() {
        run(() -> {
            if (pattern != null) {
                pattern.dispose();
            }
            for (String id : List.of("screenshot.overlay", "screenshot.preview", "screenshot.viewer")) {
                shell(id).ifPresent(Shell::dispose);
            }
            Sessions.window().getActivePage().closeAllEditors(false);
        });
        Sessions.logOut();
        if (hankClient != null) {
            hankClient.close();
        }
    }

    @Test
    @Order(1)
    void aCapturedRegionHoldsTheScreensPixelsTheBlurChangesOnlyWhatItCoversAndThePeerGetsThePixelsSent() throws Exception {
        showPattern();
        ToolItem share = await("the Share screenshot button", ScreenshotUITest::shareItem);
        assertTrue(ui(share::isEnabled), ui(share::getToolTipText));
        assertTrue(ui(share::getToolTipText).startsWith("Share screenshot"), ui(share::getToolTipText));
        run(() -> click(share));

        Shell overlay = await("the region overlay", () -> shell("screenshot.overlay"));
        assertTrue(ui(() -> Sessions.window().getShell().isVisible()), "the window is back once the screen is captured");
        assertTrue(ui(() -> overlay.getBounds().contains(REGION.x, REGION.y)), "the overlay covers the screen");
        Canvas surface = ui(() -> find(overlay, Canvas.class, "screenshot.overlay.canvas").orElseThrow());
        run(() -> {
            mouse(surface, SWT.MouseMove, REGION.x - 40, REGION.y - 30, 0);
            mouse(surface, SWT.MouseDown, REGION.x, REGION.y, 1);
            mouse(surface, SWT.MouseMove, REGION.x + REGION.width, REGION.y + REGION.height, 0);
        });
        DocScreenshots.screen("screenshot-overlay");
        run(() -> mouse(surface, SWT.MouseUp, REGION.x + REGION.width, REGION.y + REGION.height, 1));

        Shell preview = await("the preview", () -> shell("screenshot.preview"));
        assertTrue(ui(overlay::isDisposed));
        ImageData captured = picture(preview);
        assertEquals(REGION.width, captured.width);
        assertEquals(REGION.height, captured.height);
        for (int y = 0; y < captured.height; y++) {
            for (int x = 0; x < captured.width; x++) {
                assertEquals(patternAt(REGION.x - PATTERN.x + x, REGION.y - PATTERN.y + y), rgb(captured, x, y),
                        "captured pixel " + x + "," + y);
            }
        }

        Rectangle blur = new Rectangle(40, 20, 80, 60);
        Canvas canvas = ui(() -> find(preview, Canvas.class, "screenshot.preview.canvas").orElseThrow());
        tool(preview, "blur");
        drag(canvas, blur.x, blur.y, blur.x + blur.width, blur.y + blur.height);
        ImageData blurred = picture(preview);
        for (int y = 0; y < captured.height; y++) {
            for (int x = 0; x < captured.width; x++) {
                if (blur.contains(x, y)) {
                    assertNotEquals(rgb(captured, x, y), rgb(blurred, x, y), "covered pixel " + x + "," + y);
                } else {
                    assertEquals(rgb(captured, x, y), rgb(blurred, x, y), "pixel outside the blur " + x + "," + y);
                }
            }
        }
        run(() -> click(find(preview, Button.class, "screenshot.undo").orElseThrow()));
        assertEquals(-1, firstDifference(captured, picture(preview)), "undo brings the capture back");
        drag(canvas, blur.x, blur.y, blur.x + blur.width, blur.y + blur.height);
        tool(preview, "rectangle");
        drag(canvas, 6, 6, 34, 28);
        tool(preview, "arrow");
        drag(canvas, 150, 110, 128, 96);
        ImageData marked = picture(preview);
        assertNotEquals(rgb(captured, 6, 6), rgb(marked, 6, 6), "the rectangle is drawn");
        DocScreenshots.shell(preview, "screenshot-markup");

        run(() -> click(find(preview, Button.class, "screenshot.send").orElseThrow()));
        ChatMessage sent = awaitMessage(m -> "image".equals(m.kind()) && !m.attachments().isEmpty());
        assertEquals("image/png", sent.attachments().get(0).mediaType());
        assertEquals(REGION.width, sent.meta().path("width").asInt());
        Path png = hankClient.attachments().download(sent.attachments().get(0).id(), WORK.resolve("hank"), TransferProgress.NONE)
                .get(30, TimeUnit.SECONDS);
        assertEquals(-1, firstDifference(marked, new ImageLoader().load(png.toString())[0]),
                "the PNG the peer gets has the pixels of the preview");
        waitUntil("the own thumbnail", () -> thumbnails().stream().anyMatch(t -> t.getImage() != null));
        run(pattern::dispose);
    }

    @Test
    @Order(2)
    void aPictureFromThePeerShowsAsAThumbnailThatOpensTheFullPicture() throws Exception {
        ImageData picture = Pixels.pattern(800, 500);
        Path file = WORK.resolve("from-hank.png");
        ImageLoader saver = new ImageLoader();
        saver.data = new ImageData[] { picture };
        saver.save(file.toString(), SWT.IMAGE_PNG);
        UploadedAttachment uploaded = hankClient.attachments().upload(file, "image/png", TransferProgress.NONE)
                .get(30, TimeUnit.SECONDS);
        hankClient.send(gina, OutgoingMessage.of("image", "Screenshot (800 \u00D7 500 pixels)",
                JsonNodeFactory.instance.objectNode().put("width", 800).put("height", 500), List.of(uploaded.reference())))
                .get(10, TimeUnit.SECONDS);
        Label thumbnail = await("the peer's thumbnail", () -> thumbnails().stream()
                .filter(t -> t.getImage() != null && t.getImage().getBounds().width == 360).findFirst());
        assertEquals(225, ui(() -> thumbnail.getImage().getBounds().height), "800 x 500 shown at 360 x 225");
        DocScreenshots.window("screenshot-thumbnail");

        run(() -> mouse(thumbnail, SWT.MouseUp, 5, 5, 1));
        Shell viewer = await("the picture viewer", () -> shell("screenshot.viewer"));
        assertTrue(ui(() -> Ui.texts(viewer)).contains("Save &as\u2026"), ui(() -> Ui.texts(viewer)));
        assertTrue(ui(() -> Ui.texts(viewer)).contains("&Copy"), ui(() -> Ui.texts(viewer)));
        Label full = ui(() -> find(viewer, Label.class, "screenshot.viewer.image").orElseThrow());
        assertEquals(800, ui(() -> full.getImage().getBounds().width));
        run(viewer::close);
    }

    @Test
    @Order(3)
    void aPastedPictureOpensThePreviewFirst() {
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), hank, true).orElseThrow());
        ImageData picture = Pixels.pattern(120, 90);
        int before = hankReceived.size();
        assertTrue(ui(() -> conversation.paste(new PastedContent(Optional.of(picture), List.of()))), "the plugin takes it");
        Shell preview = await("the preview of the pasted picture", () -> shell("screenshot.preview"));
        assertEquals(-1, firstDifference(picture, picture(preview)));
        run(() -> click(find(preview, Button.class, "screenshot.cancel").orElseThrow()));
        waitUntil("the preview closed", preview::isDisposed);
        assertEquals(before, hankReceived.size(), "Cancel sends nothing");

        // Ctrl+V as the workbench's key binding dispatcher handles it: the key sequence's binding (the
        // platform's Paste command) is executed with the composer focused, as a key press would
        Shell window = Sessions.window().getShell();
        run(() -> {
            Clipboard clipboard = new Clipboard(Ui.display());
            clipboard.setContents(new Object[] { picture }, new Transfer[] { ImageTransfer.getInstance() });
            clipboard.dispose();
            window.forceActive();
        });
        waitUntil("the composer focused", () -> Ui.display().getActiveShell() == window && conversation.composer().setFocus()
                && Ui.display().getFocusControl() == conversation.composer());
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
        ui(() -> {
            org.eclipse.jface.bindings.Binding ctrlV = bindings.getPerfectMatch(
                    org.eclipse.jface.bindings.keys.KeySequence.getInstance("M1+V"));
            assertEquals("org.eclipse.ui.edit.paste", ctrlV.getParameterizedCommand().getId());
            return handlers.executeCommand(ctrlV.getParameterizedCommand(), null);
        });
        Shell pastedPreview = await("the preview of the picture pasted with Ctrl+V", () -> shell("screenshot.preview"));
        assertEquals(-1, firstDifference(picture, picture(pastedPreview)));
        assertEquals("", ui(conversation.composer()::getText), "nothing pasted as text");
        run(() -> click(find(pastedPreview, Button.class, "screenshot.cancel").orElseThrow()));
        waitUntil("the preview closed", pastedPreview::isDisposed);
    }

    @Test
    @Order(4)
    void theKeyBindingRunsTheSameCommandAfterTheDelayAndEscCancels() throws Exception {
        assertTrue(ui(() -> PlatformUI.getWorkbench().getPreferenceManager().find("org.eclipse.ui.preferencePages.Keys") != null),
                "the Keys preference page is there to change the binding");
        Shell window = Sessions.window().getShell();
        run(window::forceActive);
        waitUntil("the window active", () -> Ui.display().getActiveShell() == window);
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Ctrl+Alt+S", ui(() -> bindings.getBestActiveBindingFormattedFor(SHARE)), ui(() -> "scheme "
                + bindings.getActiveScheme().getId() + ", bindings " + Arrays.stream(bindings.getBindings())
                        .filter(b -> b.getParameterizedCommand() != null && SHARE.equals(b.getParameterizedCommand().getId()))
                        .map(Object::toString).toList()));
        InstanceScope.INSTANCE.getNode(PLUGIN).putInt("delaySeconds", 3);
        try {
            ui(() -> Workbench.openConversation(Sessions.window(), hank, true).orElseThrow());
            IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);
            boolean shownAtOnce = ui(() -> {
                handlers.executeCommand(SHARE, null);
                return shell("screenshot.overlay").isPresent();
            });
            assertFalse(shownAtOnce, "the capture waits for the delay");
            Shell overlay = await("the region overlay after the delay", () -> shell("screenshot.overlay"));
            Canvas surface = ui(() -> find(overlay, Canvas.class, "screenshot.overlay.canvas").orElseThrow());
            run(() -> {
                Event escape = new Event();
                escape.keyCode = SWT.ESC;
                surface.notifyListeners(SWT.KeyDown, escape);
            });
            waitUntil("the overlay gone", overlay::isDisposed);
            assertTrue(ui(() -> shell("screenshot.preview").isEmpty()), "Esc cancels: no preview");
        } finally {
            InstanceScope.INSTANCE.getNode(PLUGIN).putInt("delaySeconds", 0);
        }
    }

    @Test
    @Order(5)
    void withoutThePluginTheActionIsGoneImageRowsFallBackWithASaveLinkAndTheClientKeepsWorking() throws Exception {
        Bundle plugin = Arrays.stream(CONTEXT.getBundles()).filter(b -> b.getSymbolicName().equals(PLUGIN)).findFirst()
                .orElseThrow();
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), hank, true).orElseThrow());
        plugin.stop();
        try {
            waitUntil("the action gone", () -> shareItem().isEmpty());
            waitUntil("the thumbnails gone", () -> thumbnails().isEmpty());
            waitUntil("image rows fall back with a Save link", () -> all(Sessions.window().getShell(), Link.class,
                    "conversation.row.save").stream().anyMatch(link -> link.getText().contains("Save ")));
            assertTrue(ui(() -> all(Sessions.window().getShell(), Label.class, "conversation.row.fallback").stream()
                    .anyMatch(l -> l.getText().contains("sent a image message this client cannot show"))));
            DocScreenshots.window("screenshot-fallback");
            run(() -> {
                conversation.composer().setText("still talking without the plugin");
                conversation.send();
            });
            awaitMessage(m -> "still talking without the plugin".equals(m.text()));
        } finally {
            plugin.start();
        }
        await("the action back", ScreenshotUITest::shareItem);
        waitUntil("the thumbnails back", () -> thumbnails().stream().anyMatch(t -> t.getImage() != null));
    }

    @Test
    @Order(6)
    void aScreenshotAboveTheSizeLimitIsRefusedWithTheReasonOrScaledDownToFit() {
        IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(PLUGIN);
        preferences.putInt("limitKiB", 64);
        preferences.put("whenTooLarge", "refuse");
        try {
            ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), hank, true).orElseThrow());
            ImageData noise = noise(400, 400);
            int before = hankReceived.size();
            ui(() -> conversation.paste(new PastedContent(Optional.of(noise), List.of())));
            Shell preview = await("the preview", () -> shell("screenshot.preview"));
            run(() -> click(find(preview, Button.class, "screenshot.send").orElseThrow()));
            Shell refusal = await("the refusal", () -> Arrays.stream(Ui.display().getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && "Screenshot not sent".equals(s.getText())).findFirst());
            String reason = ui(() -> Ui.texts(refusal));
            assertTrue(reason.contains("The screenshot is 0.") && reason.contains("more than the limit of 0.1 MB"), reason);
            run(refusal::close);
            assertEquals(before, hankReceived.size(), "nothing sent");

            preferences.put("whenTooLarge", "scale");
            ui(() -> conversation.paste(new PastedContent(Optional.of(noise), List.of())));
            Shell again = await("the preview", () -> shell("screenshot.preview"));
            run(() -> click(find(again, Button.class, "screenshot.send").orElseThrow()));
            ChatMessage scaled = awaitMessage(m -> "image".equals(m.kind()) && m.text().endsWith(", scaled down)"));
            assertTrue(scaled.attachments().get(0).size() <= 64 * 1024, scaled.attachments().toString());
            assertTrue(scaled.meta().path("width").asInt() < 400, scaled.meta().toString());
        } finally {
            preferences.remove("limitKiB");
            preferences.remove("whenTooLarge");
        }
    }

    private static ImageData noise(int width, int height) {
        java.util.Random random = new java.util.Random(11);
        ImageData image = new ImageData(width, height, 24, new org.eclipse.swt.graphics.PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setPixel(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void showPattern() {
        run(() -> {
            pattern = new Shell(Ui.display(), SWT.NO_TRIM | SWT.ON_TOP);
            pattern.setBounds(PATTERN);
            pattern.addListener(SWT.Paint, event -> paintPattern(event.gc));
            pattern.open();
        });
        waitUntil("the pattern on the screen", () -> {
            pattern.update();
            ImageData shown = onScreen(new Rectangle(PATTERN.x, PATTERN.y, PATTERN.width, PATTERN.height));
            return firstDifference(Pixels.pattern(PATTERN.width, PATTERN.height), shown) == -1;
        });
    }

    private static void paintPattern(GC gc) {
        ImageData pixels = Pixels.pattern(PATTERN.width, PATTERN.height);
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(gc.getDevice(), pixels);
        gc.drawImage(image, 0, 0);
        image.dispose();
    }

    /** What the screen shows in an area, read back the way any program would. Call on the display thread. */
    private static ImageData onScreen(Rectangle area) {
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(Ui.display(), area.width, area.height);
        GC gc = new GC(Ui.display());
        try {
            gc.copyArea(image, area.x, area.y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The known pattern: a checkerboard of red and blue 4-pixel cells with a green square. */
    private static int patternAt(int x, int y) {
        if (x >= 130 && x < 150 && y >= 100 && y < 125) {
            return GREEN;
        }
        return (x / 4 + y / 4) % 2 == 0 ? RED : BLUE;
    }

    private static void tool(Shell preview, String name) {
        run(() -> {
            for (String each : List.of("rectangle", "arrow", "text", "blur")) {
                Button button = find(preview, Button.class, "screenshot.tool." + each).orElseThrow();
                button.setSelection(each.equals(name));
                click(button);
            }
        });
    }

    private static void drag(Canvas canvas, int x0, int y0, int x1, int y1) {
        run(() -> {
            mouse(canvas, SWT.MouseDown, x0, y0, 1);
            mouse(canvas, SWT.MouseMove, x1, y1, 0);
            mouse(canvas, SWT.MouseUp, x1, y1, 1);
        });
    }

    private static void mouse(org.eclipse.swt.widgets.Control control, int type, int x, int y, int button) {
        Event event = new Event();
        event.x = x;
        event.y = y;
        event.button = button;
        control.notifyListeners(type, event);
    }

    private static ImageData picture(Shell preview) {
        return ui(() -> (ImageData) preview.getData("screenshot.image"));
    }

    private static Optional<ToolItem> shareItem() {
        return find(Sessions.window().getShell(), ToolBar.class, "conversation.toolbar").stream()
                .flatMap(bar -> Arrays.stream(bar.getItems()))
                .filter(item -> item.getData() instanceof ActionContributionItem contribution && SHARE.equals(contribution.getId()))
                .findFirst();
    }

    private static List<Label> thumbnails() {
        return all(Sessions.window().getShell(), Label.class, "screenshot.thumbnail");
    }

    private static ChatMessage awaitMessage(java.util.function.Predicate<ChatMessage> wanted) {
        long deadline = System.currentTimeMillis() + Ui.TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ChatMessage> found = hankReceived.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("hank did not get the message: " + hankReceived);
    }

    /** The index of the first pixel that differs (or -2 for another size), -1 when the pictures are equal. */
    private static int firstDifference(ImageData a, ImageData b) {
        if (a.width != b.width || a.height != b.height) {
            return -2;
        }
        for (int y = 0; y < a.height; y++) {
            for (int x = 0; x < a.width; x++) {
                if (rgb(a, x, y) != rgb(b, x, y)) {
                    return y * a.width + x;
                }
            }
        }
        return -1;
    }

    private static int rgb(ImageData image, int x, int y) {
        RGB rgb = image.palette.getRGB(image.getPixel(x, y));
        return rgb.red << 16 | rgb.green << 8 | rgb.blue;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Pictures in memory. */
    private static final class Pixels {
        static ImageData pattern(int width, int height) {
            ImageData image = new ImageData(width, height, 24, new org.eclipse.swt.graphics.PaletteData(0xFF0000, 0xFF00, 0xFF));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setPixel(x, y, patternAt(x, y));
                }
            }
            return image;
        }
    }

    /** Pictures of the real screen for docs/, under target/screenshots, read from the X display by SWT. */
    private static final class DocScreenshots {
        static void window(String name) {
            shell(Sessions.window().getShell(), name);
        }

        static void shell(Shell shell, String name) {
            take(name, () -> shell.getBounds());
        }

        static void screen(String name) {
            take(name, () -> Ui.display().getBounds());
        }

        private static void take(String name, java.util.function.Supplier<Rectangle> area) {
            run(() -> {
                while (Ui.display().readAndDispatch()) {
                    // paint what is pending so the picture is current
                }
                Rectangle bounds = area.get().intersection(Ui.display().getBounds());
                ImageLoader saver = new ImageLoader();
                saver.data = new ImageData[] { onScreen(bounds) };
                try {
                    Path directory = Files.createDirectories(Path.of("target", "screenshots"));
                    saver.save(directory.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
