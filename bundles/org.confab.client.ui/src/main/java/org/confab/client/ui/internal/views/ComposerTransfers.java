package org.confab.client.ui.internal.views;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.confab.client.ui.ComposerDropHandler;
import org.confab.client.ui.ComposerPasteHandler;
import org.confab.client.ui.ConversationContext;
import org.confab.client.ui.PastedContent;
import org.confab.client.ui.internal.model.Capabilities;
import org.confab.client.ui.internal.session.PluginContributions;
import org.confab.client.ui.internal.session.Whiteboard;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionInfo;
import org.eclipse.core.expressions.IEvaluationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.ImageTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISources;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.services.IServiceLocator;
import org.eclipse.ui.swt.IFocusService;

/**
 * Files dropped onto a conversation and pictures or files pasted into its composer go to the plugins'
 * {@link ComposerDropHandler}s and {@link ComposerPasteHandler}s, highest ranked first, skipping those
 * whose required capability the server lacks. Plain text pastes as usual.
 */
final class ComposerTransfers {
    /** The composer's id for the workbench's focus tracking (variable {@code activeFocusControlId}). */
    static final String COMPOSER_FOCUS_ID = "org.confab.client.ui.composer";
    private static final System.Logger LOG = System.getLogger(ComposerTransfers.class.getName());

    private final Optional<PluginContributions> contributions;
    private final Supplier<Map<String, String>> capabilities;
    private final ConversationContext context;
    private final Consumer<String> problem;

    ComposerTransfers(Optional<PluginContributions> contributions, Supplier<Map<String, String>> capabilities,
            ConversationContext context, Consumer<String> problem) {
        this.contributions = contributions;
        this.capabilities = capabilities;
        this.context = context;
        this.problem = problem;
    }

    /** Accepts files dropped onto these controls. */
    void acceptDrops(Control... targets) {
        for (Control target : targets) {
            DropTarget drop = new DropTarget(target, DND.DROP_COPY | DND.DROP_DEFAULT);
            drop.setTransfer(FileTransfer.getInstance());
            drop.addDropListener(new DropTargetAdapter() {
                @Override
                public void dragEnter(DropTargetEvent event) {
                    if (event.detail == DND.DROP_DEFAULT) {
                        event.detail = DND.DROP_COPY;
                    }
                }

                @Override
                public void drop(DropTargetEvent event) {
                    if (event.data instanceof String[] paths) {
                        ComposerTransfers.this.drop(Arrays.stream(paths).map(Path::of).toList());
                    }
                }
            });
        }
    }

    /**
     * Offers Ctrl+V (and Shift+Insert) in the composer to the paste handlers first. The workbench binds
     * those keys to its Paste command, whose key filter consumes them before the composer sees a key, so
     * the composer also gets a Paste handler of its own while it has the focus (scoped to the editor's
     * site, so it goes with the conversation); the key listener covers windows without that binding.
     */
    void interceptPaste(Text composer, IServiceLocator site) {
        composer.addListener(SWT.KeyDown, event -> {
            if (isPaste(event) && paste(composer)) {
                event.doit = false;
            }
        });
        IFocusService focus = site.getService(IFocusService.class);
        IHandlerService handlers = site.getService(IHandlerService.class);
        if (focus == null || handlers == null) {
            return;
        }
        focus.addFocusTracker(composer, COMPOSER_FOCUS_ID);
        handlers.activateHandler(IWorkbenchCommandConstants.EDIT_PASTE, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                if (!composer.isDisposed() && !paste(composer)) {
                    composer.paste();
                }
                return null;
            }
        }, new FocusedOn(composer));
    }

    /** True while a given control has the focus (the workbench's {@code activeFocusControl}). */
    private static final class FocusedOn extends Expression {
        private final Control control;

        FocusedOn(Control control) {
            this.control = control;
        }

        @Override
        public EvaluationResult evaluate(IEvaluationContext context) {
            return EvaluationResult.valueOf(context.getVariable(ISources.ACTIVE_FOCUS_CONTROL_NAME) == control);
        }

        @Override
        public void collectExpressionInfo(ExpressionInfo info) {
            info.addVariableNameAccess(ISources.ACTIVE_FOCUS_CONTROL_NAME);
        }
    }

    /** Gives dropped files to the first handler that takes them; false when none did. */
    boolean drop(List<Path> files) {
        for (Whiteboard.Entry<ComposerDropHandler> entry : usable(contributions.map(PluginContributions::dropHandlers))) {
            try {
                if (entry.service().accepts(files)) {
                    entry.service().drop(context, files);
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the drop handler " + entry.id() + " failed", e);
            }
        }
        problem.accept("No plugin takes dropped files here.");
        return false;
    }

    /** Offers pasted content to the handlers until one takes it; false when none did. */
    boolean paste(PastedContent content) {
        for (Whiteboard.Entry<ComposerPasteHandler> entry : usable(contributions.map(PluginContributions::pasteHandlers))) {
            try {
                if (entry.service().paste(context, content)) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the paste handler " + entry.id() + " failed", e);
            }
        }
        return false;
    }

    private boolean paste(Text composer) {
        Clipboard clipboard = new Clipboard(composer.getDisplay());
        try {
            return fromClipboard(clipboard).map(this::paste).orElse(false);
        } finally {
            clipboard.dispose();
        }
    }

    /** A picture or files on the clipboard; empty when it holds only text (or nothing). */
    static Optional<PastedContent> fromClipboard(Clipboard clipboard) {
        Object image = has(clipboard, ImageTransfer.getInstance()) ? clipboard.getContents(ImageTransfer.getInstance())
                : null;
        Object files = has(clipboard, FileTransfer.getInstance()) ? clipboard.getContents(FileTransfer.getInstance())
                : null;
        List<Path> paths = files instanceof String[] names ? Arrays.stream(names).map(Path::of).toList() : List.of();
        if (!(image instanceof ImageData) && paths.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PastedContent(Optional.ofNullable((ImageData) (image instanceof ImageData ? image : null)),
                paths));
    }

    private static boolean has(Clipboard clipboard, Transfer transfer) {
        return Arrays.stream(clipboard.getAvailableTypes()).anyMatch(transfer::isSupportedType);
    }

    private static boolean isPaste(Event event) {
        return (event.stateMask & SWT.MOD1) != 0 && (event.keyCode == 'v' || event.keyCode == 'V')
                || (event.stateMask & SWT.SHIFT) != 0 && event.keyCode == SWT.INSERT;
    }

    private <T> List<Whiteboard.Entry<T>> usable(Optional<Whiteboard<T>> whiteboard) {
        Map<String, String> offered = capabilities.get();
        return whiteboard.map(Whiteboard::entries).orElse(List.of()).stream()
                .filter(e -> Capabilities.missing(e.requiredCapability(), offered).isEmpty()).toList();
    }
}
