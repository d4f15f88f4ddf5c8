package org.confab.client.ui.tests;

import static org.confab.client.ui.tests.Ui.all;
import static org.confab.client.ui.tests.Ui.await;
import static org.confab.client.ui.tests.Ui.click;
import static org.confab.client.ui.tests.Ui.find;
import static org.confab.client.ui.tests.Ui.run;
import static org.confab.client.ui.tests.Ui.ui;
import static org.confab.client.ui.tests.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.confab.client.core.AttachmentClient;
import org.confab.client.core.ClientListener;
import org.confab.client.core.ClientOptions;
import org.confab.client.core.ConfabClient;
import org.confab.client.core.OutgoingMessage;
import org.confab.client.core.ServerTrust;
import org.confab.client.core.TransferProgress;
import org.confab.client.core.UploadedAttachment;
import org.confab.client.ui.ChatSession;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.views.ConversationEditor;
import org.confab.client.ui.internal.views.Workbench;
import org.confab.protocol.messages.Messages.ChatMessage;
import org.confab.server.api.AdminActor;
import org.confab.server.api.AdminService;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IPageLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The file-transfer plugin (bundle org.confab.filetransfer.ui) in the real window against the real
 * server with its attachment store and file-transfer half, in the same framework: files dropped onto a
 * conversation are uploaded by a progress job and offered; the own row follows the recipient's state
 * live; a file offered to the user is accepted into the folder of the preferences, declined, or
 * cancelled halfway and downloaded again; the bytes that arrive are the bytes that were sent. The peer is
 * a headless client of the library in the same framework.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FileTransferUITest {
    private static final String PASSWORD = "files travel through the server";
    private static final String FAMILY = "org.confab.filetransfer";
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(FileTransferUITest.class).getBundleContext();
    private static final Path WORK = Path.of("target", "file-transfer").toAbsolutePath();
    private static final Path RECEIVED = WORK.resolve("received");

    private static String server;
    private static String erin;
    private static String frank;
    private static ConfabClient frankClient;
    private static final List<ChatMessage> frankReceived = new CopyOnWriteArrayList<>();
    private static final List<String> frankStates = new CopyOnWriteArrayList<>();
    private static final List<Job> jobs = new CopyOnWriteArrayList<>();
    private static final List<IStatus> results = new CopyOnWriteArrayList<>();
    private static final JobChangeAdapter watcher = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            if (event.getJob().belongsTo(FAMILY)) {
                jobs.add(event.getJob());
            }
        }

        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(FAMILY)) {
                results.add(event.getResult());
            }
        }
    };

    @BeforeAll
    static void accounts() throws Exception {
        int port = TestServer.port(CONTEXT);
        server = "127.0.0.1:" + port;
        AdminService admin = TestServer.service(CONTEXT, AdminService.class);
        erin = unique("erin");
        frank = unique("frank");
        admin.addUser(AdminActor.console(), erin, PASSWORD, "Erin Sender", false);
        admin.addUser(AdminActor.console(), frank, PASSWORD, "Frank Files", false);
        deleteTree(WORK);
        Files.createDirectories(WORK);
        InstanceScope.INSTANCE.getNode(Preferences.QUALIFIER).put(Preferences.DOWNLOADS, RECEIVED.toString());
        // the peer announces "file" like the rich client with the plugin, so the server pushes file.state to it
        frankClient = new ConfabClient(ClientOptions.of("127.0.0.1", port).withTrust(ServerTrust.plain())
                .withReconnectDelays(Duration.ofMillis(100), Duration.ofSeconds(1)).withCapabilities(List.of("file")));
        frankClient.addListener(new ClientListener() {
            @Override
            public void onMessage(ChatMessage message) {
                frankReceived.add(message);
            }
        });
        frankClient.subscribe("file.state", (type, body) -> frankStates.add(body.path("id").asText() + ":"
                + body.path("state").asText()));
        frankClient.connect().get(10, TimeUnit.SECONDS);
        frankClient.login(frank, PASSWORD).get(10, TimeUnit.SECONDS);
        Job.getJobManager().addJobChangeListener(watcher);
        Sessions.logOut();
        Sessions.logIn(server, erin, PASSWORD);
    }

    @AfterAll
    static void close() {
        Job.getJobManager().removeJobChangeListener(watcher);
        run(() -> Sessions.window().getActivePage().closeAllEditors(false));
        Sessions.logOut();
        if (frankClient != null) {
            frankClient.close();
        }
    }

    @Test
    @Order(1)
    void aDroppedFileIsUploadedByAProgressJobOfferedAndItsRowFollowsTheRecipient() throws Exception {
        ChatSession session = CONTEXT.getService(CONTEXT.getServiceReference(ChatSession.class));
        assertTrue(session.serverCapabilities().containsKey("file"), session.serverCapabilities().toString());
        ConversationEditor conversation = ui(() -> Workbench.openConversation(Sessions.window(), frank, true).orElseThrow());
        ToolItem sendFile = await("the Send file button", () -> composerItem("Send file\u2026"));
        assertTrue(ui(sendFile::isEnabled), "the server has the file plugin");

        Path file = randomFile(WORK.resolve("quarterly report.bin"), 24 << 20, 1);
        assertTrue(ui(() -> conversation.dropFiles(List.of(file))));

        Job upload = await("the upload job", () -> jobs.stream().filter(j -> j.getName().startsWith("Sending quarterly report.bin to Frank Files")).findFirst());
        waitUntil("the own file row offered", () -> rowStates().contains("Offered to " + frank + "; waiting for them to accept"));
        assertTrue(ui(() -> texts(FileRowIds.NAME)).contains("\uD83D\uDCC4 quarterly report.bin"));
        assertTrue(ui(() -> texts(FileRowIds.DETAILS)).contains("25 MB"), ui(() -> texts(FileRowIds.DETAILS)).toString());
        waitUntil("the upload job done", () -> upload.getResult() != null);
        assertTrue(upload.getResult().isOK(), upload.getResult().toString());

        ChatMessage offer = awaitOffer("quarterly report.bin");
        String id = offer.attachments().get(0).id();
        assertEquals(Files.size(file), offer.attachments().get(0).size());
        assertTrue(offer.meta().path("sha256").asText().matches("[0-9a-f]{64}"), offer.meta().toString());

        frankClient.request("file.accept", idBody(id)).get(10, TimeUnit.SECONDS);
        waitUntil("the row says the peer accepted", () -> rowStates().contains(frank + " accepted; downloading"));
        Path saved = frankAttachments().download(id, WORK.resolve("frank"), TransferProgress.NONE).get(60, TimeUnit.SECONDS);
        assertEquals(-1, Files.mismatch(file, saved), "the peer got the bytes that were sent");
        frankClient.request("file.downloaded", idBody(id)).get(10, TimeUnit.SECONDS);
        waitUntil("the row says the peer downloaded it", () -> rowStates().contains(frank + " downloaded it"));
    }

    @Test
    @Order(2)
    void anOfferToMeIsAcceptedIntoThePreferencesFolderUnderASafeNameAndOpensFromItsRow() throws Exception {
        Path file = randomFile(WORK.resolve("holiday.jpg"), 8 << 20, 2);
        String id = frankOffers(file, "../../holiday.jpg");
        waitUntil("the incoming row offered", () -> rowStates().contains("Offered to you"));
        assertTrue(ui(() -> texts(FileRowIds.DETAILS)).contains("8.4 MB \u00B7 from Frank Files"));
        assertTrue(ui(() -> visibleButtons()).containsAll(List.of("Accept", "Save to\u2026", "Decline")),
                ui(FileTransferUITest::visibleButtons).toString());

        run(() -> click(button("file.accept")));
        Path saved = RECEIVED.resolve("holiday.jpg");
        waitUntil("the row says where the file was saved", () -> rowStates().contains("Saved as " + saved));
        assertEquals(-1, Files.mismatch(file, saved), "the received bytes equal the sent ones, inside the folder");
        assertTrue(ui(FileTransferUITest::visibleButtons).containsAll(List.of("Open file", "Open folder")));
        assertTrue(jobs.stream().anyMatch(j -> j.getName().equals("Receiving ../../holiday.jpg from Frank Files")),
                jobs.toString());
        waitUntil("the sender told: accepted, then downloaded",
                () -> frankStates.contains(id + ":accepted") && frankStates.contains(id + ":downloaded"));
        Screenshots.window("file-transfer-rows");
    }

    @Test
    @Order(3)
    void aDeclinedOfferSaysSoOnBothSides() throws Exception {
        Path file = randomFile(WORK.resolve("unwanted.txt"), 1000, 3);
        String id = frankOffers(file, "unwanted.txt");
        waitUntil("the incoming row offered", () -> rowStates().stream().filter("Offered to you"::equals).count() == 1);
        run(() -> click(button("file.decline")));
        waitUntil("the row declined", () -> rowStates().contains("Declined"));
        waitUntil("the sender told", () -> frankStates.contains(id + ":declined"));
        assertFalse(Files.exists(RECEIVED.resolve("unwanted.txt")));
    }

    @Test
    @Order(4)
    void aDownloadCancelledHalfwayIsDownloadedAgainFromItsRowAndIsWhole() throws Exception {
        Path file = randomFile(WORK.resolve("big.iso"), 160 << 20, 4);
        String id = frankOffers(file, "big.iso");
        waitUntil("the incoming row offered", () -> rowStates().contains("Offered to you"));
        run(() -> click(button("file.accept")));
        Path part = AttachmentClient.partFile(RECEIVED, id);
        waitUntil("bytes arriving", () -> Files.exists(part) && size(part) > 0);
        run(() -> click(button("file.cancel")));
        try {
            waitUntil("the row says it was cancelled", () -> rowStates().contains("Cancelled; accept again to resume."));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; rows " + ui(FileTransferUITest::rowStates) + "; jobs "
                    + jobs.stream().map(j -> j.getName() + "=" + j.getState() + "/" + j.getResult()).toList(), e);
        }
        assertTrue(Files.exists(part) && size(part) < Files.size(file), "the part stays for a resume");
        assertTrue(results.stream().anyMatch(r -> r.getSeverity() == IStatus.CANCEL), results.toString());

        Button again = ui(() -> button("file.accept"));
        assertEquals("Download", ui(again::getText));
        run(() -> click(again));
        ui(() -> Sessions.window().getActivePage().showView(IPageLayout.ID_PROGRESS_VIEW));
        waitUntil("the download resumed, not started again",
                () -> rowStates().stream().anyMatch(s -> s.startsWith("Downloading: ") && s.contains("(resumed at ")));
        Screenshots.window("file-transfer-progress");
        Path saved = RECEIVED.resolve("big.iso");
        waitUntil("the row says where the file was saved", () -> rowStates().contains("Saved as " + saved));
        assertEquals(-1, Files.mismatch(file, saved));
        assertFalse(Files.exists(part));
        waitUntil("the sender told", () -> frankStates.contains(id + ":downloaded"));
    }

    /** Frank uploads a file under a name and offers it to Erin the way the plugin does; returns the attachment id. */
    private static String frankOffers(Path file, String name) throws Exception {
        UploadedAttachment uploaded = frankAttachments().upload(file, name, "application/octet-stream", TransferProgress.NONE)
                .get(60, TimeUnit.SECONDS);
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("sha256", uploaded.sha256());
        frankClient.send(erin, OutgoingMessage.of("file", name, meta, List.of(uploaded.reference()))).get(10, TimeUnit.SECONDS);
        return uploaded.id();
    }

    private static AttachmentClient frankAttachments() {
        return frankClient.attachments();
    }

    private static ChatMessage awaitOffer(String name) {
        long deadline = System.currentTimeMillis() + Ui.TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ChatMessage> found = frankReceived.stream()
                    .filter(m -> "file".equals(m.kind()) && name.equals(m.text()) && !m.attachments().isEmpty()).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("frank got no offer of " + name + ": " + frankReceived);
    }

    /** The state lines of every file row, top to bottom. */
    private static List<String> rowStates() {
        return texts(FileRowIds.STATE);
    }

    private static List<String> texts(String id) {
        return all(Sessions.window().getShell(), Label.class, id).stream().map(Label::getText).toList();
    }

    /** The button of the newest (lowest) row that shows it. Call on the display thread. */
    private static Button button(String id) {
        List<Button> buttons = all(Sessions.window().getShell(), Button.class, id).stream().filter(Button::isVisible).toList();
        assertFalse(buttons.isEmpty(), "no visible button " + id);
        return buttons.get(buttons.size() - 1);
    }

    private static List<String> visibleButtons() {
        List<String> shown = new java.util.ArrayList<>();
        for (String id : List.of("file.accept", "file.saveTo", "file.decline", "file.cancel", "file.open", "file.openFolder")) {
            all(Sessions.window().getShell(), Button.class, id).stream().filter(Button::isVisible).map(Button::getText)
                    .forEach(shown::add);
        }
        return shown;
    }

    private static Optional<ToolItem> composerItem(String text) {
        return find(Sessions.window().getShell(), ToolBar.class, "conversation.composerToolbar").stream()
                .flatMap(bar -> Arrays.stream(bar.getItems())).filter(item -> text.equals(item.getText())).findFirst();
    }

    private static Path randomFile(Path file, int size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Files of an earlier run would make the safe names "holiday (1).jpg". */
    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static ObjectNode idBody(String id) {
        return JsonNodeFactory.instance.objectNode().put("id", id);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Widget ids of the file row (bundle org.confab.filetransfer.ui, which this fragment does not import). */
    private static final class FileRowIds {
        static final String NAME = "file.name";
        static final String DETAILS = "file.details";
        static final String STATE = "file.state";
    }

    /**
     * Pictures of the real window for docs/: taken with ImageMagick's import from the X display (Xvfb in
     * the build) when it is installed, else copied from the screen by SWT.
     */
    private static final class Screenshots {
        static void window(String name) throws Exception {
            Shell shell = Sessions.window().getShell();
            Rectangle bounds = ui(() -> {
                while (shell.getDisplay().readAndDispatch()) {
                    // paint what is pending so the picture is current
                }
                shell.update();
                return shell.getBounds();
            });
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Path png = directory.resolve(name + ".png");
            String display = System.getenv("DISPLAY");
            if (display != null && onPath("import")) {
                Process process = new ProcessBuilder("import", "-display", display, "-window", "root", "-crop",
                        bounds.width + "x" + bounds.height + "+" + Math.max(0, bounds.x) + "+" + Math.max(0, bounds.y),
                        png.toString()).inheritIO().start();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return;
                }
            }
            run(() -> Ui.screenshot(shell, name));
        }

        private static boolean onPath(String program) {
            return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        }
    }
}
