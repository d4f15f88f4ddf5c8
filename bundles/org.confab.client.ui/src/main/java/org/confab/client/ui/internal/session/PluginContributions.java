package org.confab.client.ui.internal.session;

import java.util.Map;

import org.confab.client.ui.ComposerAction;
import org.confab.client.ui.ComposerDropHandler;
import org.confab.client.ui.ComposerPasteHandler;
import org.confab.client.ui.ContactAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The whiteboards of the composer (toolbar actions, drop and paste handlers) and of the contacts list's
 * context menu. Contributions come and go with their services; the views observe the whiteboards.
 */
@Component(service = PluginContributions.class)
public final class PluginContributions {
    private final Whiteboard<ComposerAction> composerActions = new Whiteboard<>(ComposerAction::label);
    private final Whiteboard<ComposerDropHandler> dropHandlers = new Whiteboard<>(h -> h.getClass().getName());
    private final Whiteboard<ComposerPasteHandler> pasteHandlers = new Whiteboard<>(h -> h.getClass().getName());
    private final Whiteboard<ContactAction> contactActions = new Whiteboard<>(ContactAction::label);

    public Whiteboard<ComposerAction> composerActions() {
        return composerActions;
    }

    public Whiteboard<ComposerDropHandler> dropHandlers() {
        return dropHandlers;
    }

    public Whiteboard<ComposerPasteHandler> pasteHandlers() {
        return pasteHandlers;
    }

    public Whiteboard<ContactAction> contactActions() {
        return contactActions;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addComposerAction(ComposerAction action, Map<String, Object> properties) {
        composerActions.add(action, properties);
    }

    void removeComposerAction(ComposerAction action) {
        composerActions.remove(action);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDropHandler(ComposerDropHandler handler, Map<String, Object> properties) {
        dropHandlers.add(handler, properties);
    }

    void removeDropHandler(ComposerDropHandler handler) {
        dropHandlers.remove(handler);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPasteHandler(ComposerPasteHandler handler, Map<String, Object> properties) {
        pasteHandlers.add(handler, properties);
    }

    void removePasteHandler(ComposerPasteHandler handler) {
        pasteHandlers.remove(handler);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContactAction(ContactAction action, Map<String, Object> properties) {
        contactActions.add(action, properties);
    }

    void removeContactAction(ContactAction action) {
        contactActions.remove(action);
    }
}
