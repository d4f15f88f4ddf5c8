package org.confab.client.ui;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Shows messages of the kinds a plugin owns inside the conversation, the whiteboard way: register an
 * implementation as an OSGi service with the service property {@link #KINDS_PROPERTY} naming the
 * kinds it renders (a String or String[]). Every row of such a kind in every open conversation is
 * rendered by it, at once; when the service goes away those rows show the client's fallback ("Alice
 * sent a x.dice message this client cannot show" and the message's text). Where two renderers claim a
 * kind, the one with the highest {@code service.ranking} wins. The {@code text} kind is always shown
 * by the client itself.
 * <p>
 * Called on the display thread, once per row and again when the row's message changes or renderers
 * come and go; it must not block (load thumbnails and the like in the background and update the
 * controls with {@code Display.asyncExec}, checking {@code isDisposed()} first).
 */
@ConsumerType
public interface MessageRenderer {

    /** Service property: the message kinds this renderer shows (String or String[]). */
    String KINDS_PROPERTY = "confab.message.kinds";

    /**
     * Creates the controls showing one message in {@code parent}: an empty composite inside the
     * conversation row (below the sender and time) with a one-column {@code GridLayout}, which the
     * renderer may replace. The client disposes the controls when the row goes or is rendered again.
     * A renderer that throws is logged and the row shows the fallback.
     */
    void render(Composite parent, MessageView message);
}
