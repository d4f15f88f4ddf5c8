package org.confab.client.ui;

import org.eclipse.swt.widgets.Widget;

/** Names widgets for tests and accessibility tools, the way SWTBot ids do ({@code widget.getData(KEY)}). */
public final class WidgetIds {
    public static final String KEY = "org.confab.id";

    private WidgetIds() {
    }

    public static <W extends Widget> W name(W widget, String id) {
        widget.setData(KEY, id);
        return widget;
    }
}
