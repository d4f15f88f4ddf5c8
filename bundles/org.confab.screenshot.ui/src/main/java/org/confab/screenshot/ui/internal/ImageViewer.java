package org.confab.screenshot.ui.internal;

import java.nio.file.Path;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** The full picture of an image message, scrollable, with Save as… and Copy. Does not block. */
final class ImageViewer extends Dialog {
    static final String SHELL_ID = "screenshot.viewer";
    private static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int SAVE_ID = IDialogConstants.CLIENT_ID + 2;

    private final Path file;
    private final ImageData picture;
    private final ImageOutput output;
    private Image image;

    private ImageViewer(Shell parent, Path file, ImageData picture, ImageOutput output) {
        super(parent);
        this.file = file;
        this.picture = picture;
        this.output = output;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MAX);
        setBlockOnOpen(false);
    }

    static void show(Shell parent, Path file, ImageData picture, ImageOutput output) {
        new ImageViewer(parent, file, picture, output).open();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(file.getFileName() + " (" + picture.width + " \u00D7 " + picture.height + ")");
        WidgetIds.name(shell, SHELL_ID);
        shell.addListener(SWT.Dispose, event -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ScrolledComposite scroller = new ScrolledComposite(area, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(Math.min(picture.width * 100 / DevicePixels.zoom(parent.getDisplay()), 1200) + 4,
                        Math.min(picture.height * 100 / DevicePixels.zoom(parent.getDisplay()), 760) + 4)
                .applyTo(scroller);
        image = DevicePixels.image(parent.getDisplay(), picture);
        Label shown = WidgetIds.name(new Label(scroller, SWT.NONE), "screenshot.viewer.image");
        shown.setImage(image);
        shown.setSize(image.getBounds().width, image.getBounds().height);
        scroller.setContent(shown);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, SAVE_ID, "Save &as\u2026", false), "screenshot.viewer.save");
        WidgetIds.name(createButton(parent, COPY_ID, "&Copy", false), "screenshot.viewer.copy");
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            output.copy(getShell(), picture);
        } else if (buttonId == SAVE_ID) {
            output.saveAs(getShell(), picture);
        } else {
            close();
        }
    }
}
