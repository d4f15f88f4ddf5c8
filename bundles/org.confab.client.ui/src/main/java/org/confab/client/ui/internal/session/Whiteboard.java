package org.confab.client.ui.internal.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.confab.client.ui.ContributionProperties;
import org.osgi.framework.Constants;

/**
 * The services of one whiteboard type with the properties every contribution understands (id,
 * ranking, required capability), and observers told when the set changes. Observers are called on the
 * thread that changed the set (an OSGi thread); UI observers hop to the display thread themselves.
 *
 * @param <T> the contributed service type
 */
public final class Whiteboard<T> {
    /** A contributed service with its properties. */
    public record Entry<T>(T service, String id, int ranking, Optional<String> requiredCapability,
            Map<String, Object> properties) {
    }

    private final Function<T, String> label;
    private final List<Entry<T>> entries = new CopyOnWriteArrayList<>();
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();

    /** @param label how entries of equal ranking are ordered */
    public Whiteboard(Function<T, String> label) {
        this.label = label;
    }

    public void add(T service, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.getOrDefault(ContributionProperties.ID, service.getClass().getName());
        Object required = properties.get(ContributionProperties.REQUIRED_CAPABILITY);
        entries.add(new Entry<>(service, String.valueOf(id), ranking instanceof Integer i ? i : 0,
                required instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty(),
                Map.copyOf(properties)));
        changed();
    }

    public void remove(T service) {
        if (entries.removeIf(e -> e.service() == service)) {
            changed();
        }
    }

    /** The entries in order: highest ranking first, then by label. */
    public List<Entry<T>> entries() {
        Comparator<Entry<T>> order = Comparator.<Entry<T>>comparingInt(Entry::ranking).reversed()
                .thenComparing(e -> safeLabel(e.service()));
        return entries.stream().sorted(order).toList();
    }

    public void addObserver(Runnable observer) {
        observers.add(observer);
    }

    public void removeObserver(Runnable observer) {
        observers.remove(observer);
    }

    private void changed() {
        observers.forEach(Runnable::run);
    }

    /** A plugin's label() that throws must not break everyone's ordering. */
    private String safeLabel(T service) {
        try {
            return String.valueOf(label.apply(service));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
