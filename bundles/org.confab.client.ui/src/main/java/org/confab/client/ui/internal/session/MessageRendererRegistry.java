package org.confab.client.ui.internal.session;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confab.client.core.ClientOptions;
import org.confab.client.ui.MessageRenderer;
import org.confab.protocol.messages.MessageKinds;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Collects every {@link MessageRenderer} service and picks the one for a message kind: the highest
 * ranked among those whose {@link MessageRenderer#KINDS_PROPERTY} names it. Conversations observe it and
 * render their rows again when the choice may have changed.
 */
@Component(service = MessageRendererRegistry.class)
public final class MessageRendererRegistry {
    private final Whiteboard<MessageRenderer> renderers = new Whiteboard<>(r -> r.getClass().getName());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRenderer(MessageRenderer renderer, Map<String, Object> properties) {
        renderers.add(renderer, properties);
    }

    void removeRenderer(MessageRenderer renderer) {
        renderers.remove(renderer);
    }

    /** The renderer for a kind, if a plugin renders it. */
    public Optional<MessageRenderer> rendererFor(String kind) {
        return renderers.entries().stream().filter(e -> kinds(e.properties()).contains(kind))
                .map(Whiteboard.Entry::service).findFirst();
    }

    /**
     * Every kind some renderer shows, other than the core's: what this client tells the server it can
     * display ({@code hello.capabilities}), so a server plugin may push only to clients that render it.
     */
    public List<String> kinds() {
        return renderers.entries().stream().flatMap(e -> kinds(e.properties()).stream())
                .filter(kind -> !kind.equals(MessageKinds.TEXT) && MessageKinds.isValid(kind)).distinct()
                .limit(ClientOptions.MAX_CAPABILITIES).toList();
    }

    public void addObserver(Runnable observer) {
        renderers.addObserver(observer);
    }

    public void removeObserver(Runnable observer) {
        renderers.removeObserver(observer);
    }

    /** The kinds a renderer's properties name: a String, a String[] or a collection of strings. */
    static List<String> kinds(Map<String, Object> properties) {
        Object kinds = properties.get(MessageRenderer.KINDS_PROPERTY);
        if (kinds instanceof String one) {
            return List.of(one);
        }
        if (kinds instanceof String[] many) {
            return Arrays.asList(many);
        }
        if (kinds instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
