package org.confab.client.ui.internal.help;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.swt.SWT;
import org.eclipse.ui.keys.IBindingService;

/**
 * The keys of Help &gt; Keyboard Shortcuts: every key binding of the active scheme that runs a
 * command (the workbench's, Confab's and any plugin's, since plugins bind keys through the same
 * service), then the keys the conversation and the contacts list handle themselves.
 */
public final class KeyBindings {
    /** One key and what it does. */
    public record Key(String keys, String action, String where) {
    }

    /** Keys handled by Confab's own widgets rather than by bindings (see ComposerKeys, ContactsView). */
    static final List<Key> CONFAB_KEYS = List.of(
            new Key("Enter", "Send the message", "Conversation composer"),
            new Key("Shift+Enter", "Start a new line", "Conversation composer"),
            new Key("Ctrl+V", "Paste text, or a picture as an image message", "Conversation composer"),
            new Key("Down, Enter", "Open the contact found", "Contacts filter"),
            new Key("Tab", "Next field", "Dialogs and multi-line fields other than the composer"));

    private KeyBindings() {
    }

    /** The bindings of the active scheme that name a command, sorted by what they do; then Confab's own keys. */
    public static List<Key> all(IBindingService bindings) {
        String scheme = bindings.getActiveScheme() == null ? null : bindings.getActiveScheme().getId();
        Set<Key> keys = new LinkedHashSet<>();
        List<Key> bound = new ArrayList<>();
        for (Binding binding : bindings.getBindings()) {
            if (binding.getParameterizedCommand() == null || binding.getType() != Binding.SYSTEM && binding.getType() != Binding.USER
                    || scheme != null && !scheme.equals(binding.getSchemeId())
                    || binding.getPlatform() != null && !binding.getPlatform().equals(SWT.getPlatform())) {
                continue;
            }
            try {
                bound.add(new Key(binding.getTriggerSequence().format(), binding.getParameterizedCommand().getName(),
                        context(binding.getContextId())));
            } catch (NotDefinedException e) {
                // a binding to a command nobody defined does nothing: nothing to list
            }
        }
        bound.sort(Comparator.comparing(Key::action).thenComparing(Key::keys));
        keys.addAll(bound);
        keys.addAll(CONFAB_KEYS);
        return List.copyOf(keys);
    }

    private static String context(String id) {
        return switch (id) {
            case "org.eclipse.ui.contexts.window" -> "Window";
            case "org.eclipse.ui.contexts.dialogAndWindow" -> "Everywhere";
            case "org.eclipse.ui.contexts.dialog" -> "Dialogs";
            default -> id;
        };
    }
}
