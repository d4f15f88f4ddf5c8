package org.confab.client.ui.internal.views;

import org.eclipse.swt.widgets.Widget;

/** Names widgets for tests and accessibility tools, the way SWTBot ids do ({@code widget.getData(KEY)}). */
public final class Ids {
    public static final String KEY = "org.confab.id";

    private Ids() {
    }

    public static <W extends Widget> W name(W widget, String id) {
        widget.setData(KEY, id);
        return widget;
    }
}
