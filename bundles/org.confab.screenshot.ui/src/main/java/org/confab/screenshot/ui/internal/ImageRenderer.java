package org.confab.screenshot.ui.internal;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.MessageView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Shows messages of kind {@code image} (screenshots and pasted pictures) as an inline thumbnail that
 * opens the full picture. The store needs the session, which collects the renderers while it is created,
 * so the store is taken as service objects and got at the first row (a constructor reference would be a
 * cycle Felix SCR refuses).
 */
@Component(property = MessageRenderer.KINDS_PROPERTY + "=" + Screenshots.KIND)
public final class ImageRenderer implements MessageRenderer {
    private final ComponentServiceObjects<ImageStore> stores;
    private ImageStore store;

    @Activate
    public ImageRenderer(@Reference ComponentServiceObjects<ImageStore> stores) {
        this.stores = stores;
    }

    @Deactivate
    synchronized void deactivate() {
        if (store != null) {
            stores.ungetService(store);
        }
    }

    @Override
    public void render(Composite parent, MessageView message) {
        new ImageThumbnail(parent, message, store());
    }

    private synchronized ImageStore store() {
        if (store == null) {
            store = stores.getService();
        }
        return store;
    }
}
