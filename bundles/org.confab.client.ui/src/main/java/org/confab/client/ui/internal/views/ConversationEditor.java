package org.confab.client.ui.internal.views;

import org.confab.client.ui.WidgetIds;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.confab.client.ui.ChatSession;
import org.confab.client.ui.ClientSettings;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.internal.model.ChatController;
import org.confab.client.ui.internal.model.ComposerKeys;
import org.confab.client.ui.internal.model.ConversationModel;
import org.confab.client.ui.internal.model.Timeline;
import org.confab.client.ui.internal.model.TranscriptBuilder;
import org.confab.client.ui.internal.session.ConversationActionRegistry;
import org.confab.protocol.Protocol;
import org.confab.protocol.messages.Messages.ChatSent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.ui.part.EditorPart;

/**
 * One conversation in the editor area: header with the peer's presence and the actions plugins
 * contribute, the transcript, and the composer (Enter sends, Shift+Enter breaks the line). Renders the
 * {@link ConversationModel}; everything else is the {@link ChatController}'s job.
 */
public final class ConversationEditor extends EditorPart {
    public static final String ID = "org.confab.client.ui.editor.conversation";
    /** Menu contributions to this location appear in every conversation's toolbar. */
    public static final String TOOLBAR_LOCATION = "toolbar:org.confab.client.ui.conversation";

    private TranscriptBuilder transcripts;
    private ChatController controller;
    private ConversationModel model;
    private String peer;
    private Label header;
    private Label problem;
    private TranscriptView transcript;
    private Text composer;
    private ToolBarManager toolbar;
    private ConversationToolbar contributions;
    private long pendingReveal;
    private final Runnable render = this::render;
    private final Runnable headerUpdate = this::updateHeader;

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
        transcripts = new TranscriptBuilder(new Timeline(ZoneId.systemDefault(), Locale.getDefault()),
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
        toolbar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        WidgetIds.name(toolbar.createControl(top), "conversation.toolbar");
        contributions = new ConversationToolbar(toolbar, context(), getSite().getService(IMenuService.class),
                Workbench.service(ConversationActionRegistry.class));

        transcript = new TranscriptView(parent);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(transcript.control());
        transcript.control().getVerticalBar().addListener(SWT.Selection, e -> maybeLoadOlder());
        transcript.control().addListener(SWT.MouseVerticalWheel, e -> maybeLoadOlder());

        problem = WidgetIds.name(new Label(parent, SWT.WRAP), "conversation.problem");
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(problem);

        Composite bottom = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bottom);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bottom);
        composer = WidgetIds.name(new Text(bottom, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER), "conversation.composer");
        composer.setMessage("Write a message \u2014 Enter sends, Shift+Enter starts a new line");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, composer.getLineHeight() * 3).applyTo(composer);
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
        Button send = WidgetIds.name(new Button(bottom, SWT.PUSH), "conversation.send");
        send.setText("Send");
        send.addListener(SWT.Selection, e -> send());
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.FILL).applyTo(send);

        model.addObserver(render);
        controller.contacts().addObserver(headerUpdate);
        controller.addConnectionObserver(headerUpdate);
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
        if (text.get().length() > Protocol.MAX_TEXT_LENGTH) {
            showProblem("The message is too long: at most " + Protocol.MAX_TEXT_LENGTH + " characters.");
            return;
        }
        showProblem("");
        controller.send(peer, text.get());
        composer.setText("");
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

    public Text composer() {
        return composer;
    }

    @Override
    public void setFocus() {
        composer.setFocus();
        controller.viewed(peer);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ConversationContext.class) {
            return adapter.cast(context());
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        if (model != null) {
            model.removeObserver(render);
            controller.contacts().removeObserver(headerUpdate);
            controller.removeConnectionObserver(headerUpdate);
        }
        if (contributions != null) {
            contributions.dispose();
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
        if (model.latestLoaded() && transcript.fits()) {
            controller.loadOlder(peer);
        }
    }

    private void maybeLoadOlder() {
        if (transcript.atTop()) {
            controller.loadOlder(peer);
        }
    }

    private void updateHeader() {
        if (header == null || header.isDisposed()) {
            return;
        }
        String name = controller.contacts().displayName(peer);
        setPartName(name);
        boolean online = controller.contacts().contact(peer).map(c -> c.online()).orElse(false);
        header.setText(name + " (" + peer + ") \u2014 " + (online ? "online" : "offline"));
        header.getParent().layout();
    }

    private void showProblem(String text) {
        problem.setText(text);
        ((org.eclipse.swt.layout.GridData) problem.getLayoutData()).exclude = text.isEmpty();
        problem.setVisible(!text.isEmpty());
        problem.getParent().layout();
    }

    private ConversationContext context() {
        return new ConversationContext() {
            @Override
            public String peer() {
                return peer;
            }

            @Override
            public String peerDisplayName() {
                return controller.contacts().displayName(peer);
            }

            @Override
            public String self() {
                return controller.self().orElse("");
            }

            @Override
            public ChatSession session() {
                return controller.session();
            }

            @Override
            public ClientSettings settings() {
                return Workbench.service(ClientSettings.class).orElseThrow();
            }

            @Override
            public Shell shell() {
                return getSite().getShell();
            }

            @Override
            public CompletableFuture<ChatSent> sendText(String text) {
                return controller.send(peer, text);
            }
        };
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
