package org.confab.client.ui.admin.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Switches the window to the perspective named by the command's {@code perspective} parameter. */
public class ShowPerspectiveHandler extends AbstractHandler {
    static final String PERSPECTIVE = "org.confab.client.ui.admin.perspectiveId";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        String id = event.getParameter(PERSPECTIVE);
        try {
            window.getWorkbench().showPerspective(id, window);
        } catch (WorkbenchException e) {
            throw new ExecutionException("cannot show the perspective " + id, e);
        }
        return null;
    }
}
