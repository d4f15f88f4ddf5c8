package org.confab.client.ui.internal.views;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.confab.client.ui.ComposerContext;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.PastedContent;
import org.confab.client.ui.WidgetIds;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ComposerKeys;
import org.confab.client.ui.internal.model.ComposerLimit;
import org.confab.client.ui.internal.model.Links;
import org.confab.client.ui.internal.model.Quotes;
import org.confab.client.ui.internal.model.TypingNotices;
import org.confab.client.ui.internal.prefs.Preferences;
import org.confab.client.ui.internal.model.ConversationModel;
import org.confab.client.ui.internal.model.Timeline;
import org.confab.client.ui.internal.model.TranscriptRows;
import org.confab.client.ui.internal.session.ConversationActionRegistry;
import org.confab.client.ui.internal.session.MessageRendererRegistry;
import org.confab.client.ui.internal.session.PluginContributions;
import org.confab.protocol.Protocol;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.ui.part.EditorPart;

/**
 * One conversation in the editor area: header with the peer's presence and the actions plugins
 * contribute, the transcript (one row per message, drawn by plugins for their kinds), and the composer
 * with the plugins' composer buttons (Enter sends, Shift+Enter breaks the line; files dropped on the
 * conversation and pictures pasted into the composer go to the plugins). Renders the
 * {@link ConversationModel}; everything else is the {@link ChatController}'s job.
 */
public final class ConversationEditor extends EditorPart {
    public static final String ID = "org.confab.client.ui.editor.conversation";
    /** Menu contributions to this location appear in every conversation's toolbar. */
    public static final String TOOLBAR_LOCATION = "toolbar:org.confab.client.ui.conversation";

    private TranscriptRows transcripts;
    private ChatController controller;
    private ConversationModel model;
    private String peer;
    private Label header;
    private Label problem;
    /** "Bob is typing…" under the transcript; blank (but keeping its line, so nothing jumps) otherwise. */
    private Label typing;
    private final Runnable typingUpdate = this::updateTyping;
    /** Whether the problem shown is the length of the text, which the next edit may cure. */
    private boolean lengthProblem;
    private Label counter;
    private final ComposerLimit limit = new ComposerLimit(Protocol.MAX_TEXT_LENGTH);
    private Consumer<String> linkOpener = Program::launch;
    private TranscriptView transcript;
    private Text composer;
    private EditorContext context;
    private ConversationToolbar contributions;
    private ComposerToolbar composerActions;
    private ComposerTransfers transfers;
    private Optional<MessageRendererRegistry> renderers = Optional.empty();
    private long pendingReveal;
    private final Runnable render = this::render;
    private final Runnable headerUpdate = this::updateHeader;
    private Runnable renderersChanged;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof ConversationInput conversation)) {
            throw new PartInitException("not a conversation: " + input);
        }
        setSite(site);
        setInput(input);
        controller = Workbench.controller(site);
        peer = conversation.peer();
        model = controller.conversation(peer);
        transcripts = new TranscriptRows(new Timeline(ZoneId.systemDefault(), Locale.getDefault()),
                controller.contacts()::displayName);
        setPartName(controller.contacts().displayName(peer));
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(4, 4).applyTo(parent);
        Composite top = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        header = WidgetIds.name(new Label(top, SWT.NONE), "conversation.header");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(header);
        ToolBarManager toolbar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        WidgetIds.name(toolbar.createControl(top), "conversation.toolbar");

        renderers = Workbench.service(MessageRendererRegistry.class);
        transcript = new TranscriptView(parent,
                kind -> renderers.flatMap(registry -> registry.rendererFor(kind)), new TranscriptActions());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(transcript.control());
        transcript.control().getVerticalBar().addListener(SWT.Selection, e -> maybeLoadOlder());
        transcript.control().addListener(SWT.MouseVerticalWheel, e -> maybeLoadOlder());

        typing = WidgetIds.name(new Label(parent, SWT.NONE), "conversation.typing");
        typing.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(typing);

        problem = WidgetIds.name(new Label(parent, SWT.WRAP), "conversation.problem");
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(problem);

        Composite bottom = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bottom);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bottom);
        composer = WidgetIds.name(new Text(bottom, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER), "conversation.composer");
        composer.setMessage("Write a message \u2014 Enter sends, Shift+Enter starts a new line");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, composer.getLineHeight() * 3).applyTo(composer);
        composer.addListener(SWT.Modify, e -> {
            countCharacters();
            controller.sendTypingNotices(Preferences.flag(Preferences.SEND_TYPING, true));
            controller.composerEdited(peer, composer.getText());
        });
        composer.addListener(SWT.KeyDown, event -> {
            if (ComposerKeys.sends(event.keyCode, event.stateMask)) {
                event.doit = false;
                send();
            }
        });
        composer.addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_RETURN && ComposerKeys.sends(event.keyCode, event.stateMask)) {
                event.doit = false;
            }
        });
        ToolBarManager composerBar = new ToolBarManager(SWT.FLAT | SWT.VERTICAL);
        WidgetIds.name(composerBar.createControl(bottom), "conversation.composerToolbar");
        GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(composerBar.getControl());
        Button send = WidgetIds.name(new Button(bottom, SWT.PUSH), "conversation.send");
        send.setText("Send");
        send.addListener(SWT.Selection, e -> send());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.FILL).applyTo(send);
        counter = WidgetIds.name(new Label(parent, SWT.RIGHT), "conversation.counter");
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(counter);
        counter.setVisible(false);

        context = new EditorContext(controller, peer, getSite().getShell(), composer);
        Optional<PluginContributions> plugins = Workbench.service(PluginContributions.class);
        contributions = new ConversationToolbar(toolbar, context, getSite().getService(IMenuService.class),
                Workbench.service(ConversationActionRegistry.class).map(ConversationActionRegistry::actions),
                this::capabilities);
        composerActions = new ComposerToolbar(composerBar, context,
                plugins.map(PluginContributions::composerActions), this::capabilities);
        transfers = new ComposerTransfers(plugins, this::capabilities, context, this::showProblem);
        transfers.acceptDrops(transcript.control(), composer);
        transfers.interceptPaste(composer, getSite());
        DisplayExecutor display = new DisplayExecutor(parent.getDisplay());
        renderersChanged = () -> display.execute(() -> {
            if (!transcript.control().isDisposed()) {
                transcript.renderersChanged();
            }
        });
        renderers.ifPresent(registry -> registry.addObserver(renderersChanged));

        model.addObserver(render);
        controller.addTypingObserver(typingUpdate);
        controller.contacts().addObserver(headerUpdate);
        controller.addConnectionObserver(headerUpdate);
        controller.addConnectionObserver(contributions.sessionObserver());
        controller.addConnectionObserver(composerActions.sessionObserver());
        updateHeader();
        render();
        controller.loadLatest(peer);
    }

    /** Sends what the composer holds. */
    public void send() {
        Optional<String> text = ComposerKeys.message(composer.getText());
        if (text.isEmpty()) {
            return;
        }
        if (limit.tooLong(text.get())) {
            showProblem("The message is too long: at most " + limit.limit() + " characters.");
            lengthProblem = true;
            return;
        }
        showProblem("");
        controller.send(peer, text.get());
        composer.setText("");
        controller.composerDone(peer);
    }

    /** Hands files to the plugins as if they had been dropped onto the conversation; false when none took them. */
    public boolean dropFiles(List<Path> files) {
        return transfers.drop(files);
    }

    /** Hands content to the plugins as if it had been pasted into the composer; false when none took it. */
    public boolean paste(PastedContent content) {
        return transfers.paste(content);
    }

    /** Scrolls to a message, loading older pages until it is there. */
    public void reveal(long messageId) {
        if (!transcript.reveal(messageId)) {
            pendingReveal = messageId;
            if (!controller.loadOlder(peer) && !model.latestLoaded()) {
                controller.loadLatest(peer);
            }
        }
    }

    public String peer() {
        return peer;
    }

    /** The transcript's text, for tests. */
    public String transcriptText() {
        return transcript.content();
    }

    /** What a jump to a message selected in its header, for tests; empty when nothing is highlighted. */
    public Optional<String> highlightedHeader() {
        return transcript.highlightedHeader();
    }

    public Text composer() {
        return composer;
    }

    /** What the composer's character counter says; empty while it is silent. */
    public String counterText() {
        return counter.getVisible() ? counter.getText() : "";
    }

    /** What the line above the composer says; empty when all is well. */
    public String problemText() {
        return problem.getVisible() ? problem.getText() : "";
    }

    /** Replaces the desktop's browser for links clicked in this conversation (tests watch what would open). */
    public void openLinksWith(Consumer<String> opener) {
        linkOpener = opener;
    }

    @Override
    public void setFocus() {
        composer.setFocus();
        controller.viewed(peer);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ConversationContext.class || adapter == ComposerContext.class) {
            return adapter.cast(context);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (model != null) {
            model.removeObserver(render);
            controller.removeTypingObserver(typingUpdate);
            controller.composerDone(peer);
            controller.contacts().removeObserver(headerUpdate);
            controller.removeConnectionObserver(headerUpdate);
        }
        if (contributions != null) {
            controller.removeConnectionObserver(contributions.sessionObserver());
            controller.removeConnectionObserver(composerActions.sessionObserver());
            contributions.dispose();
            composerActions.dispose();
        }
        if (renderersChanged != null) {
            renderers.ifPresent(registry -> registry.removeObserver(renderersChanged));
        }
        super.dispose();
    }

    private void render() {
        if (transcript == null || transcript.control().isDisposed()) {
            return;
        }
        transcript.show(transcripts.build(model.lines(), LocalDate.now()));
        if (pendingReveal > 0 && transcript.reveal(pendingReveal)) {
            pendingReveal = 0;
        } else if (pendingReveal > 0 && !controller.loadOlder(peer) && !model.olderAvailable()) {
            pendingReveal = 0;
        }
        if (model.latestLoaded() && transcript.fits() && !transcript.showMoreAbove()) {
            controller.loadOlder(peer);
        }
    }

    private void maybeLoadOlder() {
        if (transcript.atTop() && !transcript.showMoreAbove()) {
            controller.loadOlder(peer);
        }
    }

    /** What the server of the session announced; empty while logged out. */
    private Map<String, String> capabilities() {
        return controller.session().serverCapabilities();
    }

    private void updateHeader() {
        if (header == null || header.isDisposed()) {
            return;
        }
        String name = controller.contacts().displayName(peer);
        setPartName(name);
        String presence = controller.contacts().contact(peer).map(c -> c.presenceText()).orElse("offline");
        header.setText(name + " (" + peer + ") \u2014 " + presence);
        header.getParent().layout();
    }

    /** Shows the counter near the limit; a "too long" problem goes as soon as the text fits again. */
    private void countCharacters() {
        Optional<ComposerLimit.Count> count = limit.count(composer.getText());
        counter.setText(count.map(ComposerLimit.Count::text).orElse(""));
        counter.setForeground(count.filter(ComposerLimit.Count::over).isPresent()
                ? counter.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        boolean changed = counter.getVisible() != count.isPresent();
        ((org.eclipse.swt.layout.GridData) counter.getLayoutData()).exclude = count.isEmpty();
        counter.setVisible(count.isPresent());
        if (lengthProblem && !limit.tooLong(composer.getText())) {
            showProblem("");
        } else if (changed) {
            counter.getParent().layout();
        }
    }

    /** Shows or clears "… is typing"; while it shows, looks again when it would fade without a repeat. */
    private void updateTyping() {
        if (typing == null || typing.isDisposed()) {
            return;
        }
        boolean on = controller.peerTyping(peer);
        typing.setText(on ? controller.contacts().displayName(peer) + " is typing\u2026" : "");
        typing.getParent().layout(new Control[] { typing }); // laid out empty before: its text needs the room
        if (on) {
            typing.getDisplay().timerExec((int) TypingNotices.SHOWN_MILLIS, typingUpdate);
        }
    }

    /** What the typing line says, for tests; empty while the peer is not typing. */
    public String typingText() {
        return typing.getText();
    }

    private void showProblem(String text) {
        lengthProblem = false;
        problem.setText(text);
        ((org.eclipse.swt.layout.GridData) problem.getLayoutData()).exclude = text.isEmpty();
        problem.setVisible(!text.isEmpty());
        problem.getParent().layout();
    }

    /** What the rows of the transcript ask of the conversation. */
    private final class TranscriptActions implements RowActions {
        @Override
        public void openLink(String target) {
            if (Links.opensSafely(target)) {
                linkOpener.accept(target);
            }
        }

        @Override
        public void copy(String text) {
            Clipboard clipboard = new Clipboard(composer.getDisplay());
            try {
                clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
        }

        @Override
        public void quote(TranscriptRows.Message message) {
            String typed = composer.getText();
            composer.setText(Quotes.reply(message.sender(), message.line().text()) + typed);
            composer.setSelection(composer.getCharCount());
            composer.setFocus();
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // conversations are stored by the server as they are written
    }

    @Override
    public void doSaveAs() {
        // nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }
}
