package org.confab.client.ui.internal.session;

import java.util.Map;

import org.confab.client.ui.ConversationAction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Collects every {@link ConversationAction} service (the whiteboard) for the conversation toolbars. */
@Component(service = ConversationActionRegistry.class)
public final class ConversationActionRegistry {
    private final Whiteboard<ConversationAction> actions = new Whiteboard<>(ConversationAction::label);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAction(ConversationAction action, Map<String, Object> properties) {
        actions.add(action, properties);
    }

    void removeAction(ConversationAction action) {
        actions.remove(action);
    }

    public Whiteboard<ConversationAction> actions() {
        return actions;
    }
}
