package org.confab.client.ui.internal.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.confab.client.ui.ConversationAction;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Collects every {@link ConversationAction} service (the whiteboard) and tells the open conversations
 * when the set changes. Observers are called on the thread that changed the set; UI observers hop to
 * the display thread themselves.
 */
@Component(service = ConversationActionRegistry.class)
public final class ConversationActionRegistry {
    /** A contributed action with its service properties. */
    public record Contribution(ConversationAction action, String id, int ranking) {
    }

    private static final Comparator<Contribution> ORDER = Comparator.comparingInt(Contribution::ranking).reversed()
            .thenComparing(c -> c.action().label());

    private final List<Contribution> contributions = new CopyOnWriteArrayList<>();
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAction(ConversationAction action, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.getOrDefault(ConversationAction.ID_PROPERTY, action.getClass().getName());
        contributions.add(new Contribution(action, String.valueOf(id), ranking instanceof Integer i ? i : 0));
        observers.forEach(Runnable::run);
    }

    void removeAction(ConversationAction action) {
        contributions.removeIf(c -> c.action() == action);
        observers.forEach(Runnable::run);
    }

    /** The contributions in toolbar order: highest ranking first, then by label. */
    public List<Contribution> contributions() {
        return contributions.stream().sorted(ORDER).toList();
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    public void removeObserver(Runnable observer) {
        observers.remove(observer);
    }
}
