package org.confab.client.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.confab.client.ui.WidgetIds;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/**
 * Drives the real window from the test thread: every widget access hops onto the display thread, and
 * waits check a condition on the display thread with a deadline (never a fixed sleep). Widgets are found by the ids the
 * client sets ({@link WidgetIds#KEY}), the way SWTBot finds them.
 */
final class Ui {
    static final long TIMEOUT_MILLIS = 30_000;
    /** How often a waited-for condition is checked on the display thread. */
    private static final int CHECK_MILLIS = 20;

    private Ui() {
    }

    static Display display() {
        return Display.getDefault();
    }

    /** Runs on the display thread and returns the result; failures are rethrown here. */
    static <T> T ui(Callable<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    static void run(Runnable work) {
        ui(() -> {
            work.run();
            return null;
        });
    }

    /** Runs later on the display thread, for actions that open a modal dialog (which would block). */
    static void later(Runnable work) {
        display().asyncExec(work);
    }

    /**
     * Waits until the condition holds. It is checked on the display thread, between the events the
     * window processes (a display timer re-arms itself), and the test thread waits on a latch that the
     * check opens; a failure inside the check fails the wait at once.
     */
    static void waitUntil(String what, Supplier<Boolean> condition) {
        CountDownLatch held = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (cancelled.get()) {
                return;
            }
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    held.countDown();
                    return;
                }
            } catch (Throwable t) {
                failure.set(t);
                held.countDown();
                return;
            }
            display().timerExec(CHECK_MILLIS, check[0]);
        };
        display().asyncExec(check[0]);
        try {
            if (!held.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                cancelled.set(true);
                fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what);
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for " + what);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    /** Waits for a value (computed on the display thread) to be present. */
    static <T> T await(String what, Supplier<Optional<T>> value) {
        AtomicReference<T> found = new AtomicReference<>();
        waitUntil(what, () -> {
            value.get().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** A visible shell with the given id. Call on the display thread. */
    static Optional<Shell> shell(String id) {
        for (Shell shell : display().getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && id.equals(shell.getData(WidgetIds.KEY))) {
                return Optional.of(shell);
            }
        }
        return Optional.empty();
    }

    /** A widget with the given id inside a shell. Call on the display thread. */
    static <W extends Widget> W widget(Shell shell, Class<W> type, String id) {
        Optional<W> found = find(shell, type, id);
        assertTrue(found.isPresent(), "no " + type.getSimpleName() + " '" + id + "' in " + shell.getText());
        return found.get();
    }

    /** The first widget with the given id inside a composite (a shell, say), if there is one. Call on the display thread. */
    static <W extends Widget> Optional<W> find(Composite parent, Class<W> type, String id) {
        return all(parent, type, id).stream().findFirst();
    }

    /** Every widget with the given id inside a composite, in tree order. Call on the display thread. */
    static <W extends Widget> List<W> all(Composite parent, Class<W> type, String id) {
        List<Widget> all = new ArrayList<>();
        collect(parent, all);
        return all.stream().filter(w -> !w.isDisposed() && id.equals(w.getData(WidgetIds.KEY))).filter(type::isInstance)
                .map(type::cast).toList();
    }

    /**
     * Presses and releases a key through the display's event queue (XTest under X11), the way a keyboard
     * would, so it reaches the focused control with traversal and all. From the test thread.
     */
    static void press(int keyCode, char character) {
        for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
            Event key = new Event();
            key.type = type;
            key.keyCode = keyCode;
            key.character = character;
            assertTrue(ui(() -> display().post(key)), "the display refused a key event");
        }
        // the key was queued by the X server: a round trip on the display thread lets it arrive first
        ui(() -> {
            while (display().readAndDispatch()) {
                // events before and including the key
            }
            return null;
        });
    }

    /**
     * Where a control's text is really drawn, read back from the screen: the leftmost and rightmost column
     * with a pixel darker than the background (-1 when none), and the control's width.
     */
    static int[] ink(Control text) {
        return ui(() -> {
            text.update();
            Point size = text.getSize();
            if (size.x <= 0 || size.y <= 0) {
                return new int[] { Integer.MAX_VALUE, -1, size.x };
            }
            Image image = new Image(text.getDisplay(), size.x, size.y);
            GC gc = new GC(text);
            try {
                gc.copyArea(image, 0, 0);
                ImageData data = image.getImageData();
                int left = Integer.MAX_VALUE;
                int right = -1;
                for (int y = 0; y < data.height; y++) {
                    for (int x = 0; x < data.width; x++) {
                        RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                        if (rgb.red + rgb.green + rgb.blue < 3 * 140) {
                            left = Math.min(left, x);
                            right = Math.max(right, x);
                        }
                    }
                }
                return new int[] { left, right, size.x };
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
    }

    static void click(Widget widget) {
        widget.notifyListeners(SWT.Selection, new Event());
    }

    /** Every text shown in a shell (labels, fields, buttons), joined by new lines. Call on the display thread. */
    static String texts(Shell shell) {
        List<Widget> all = new ArrayList<>();
        collect(shell, all);
        StringBuilder joined = new StringBuilder();
        for (Widget widget : all) {
            String text = widget instanceof Label label ? label.getText()
                    : widget instanceof Text field ? field.getText()
                    : widget instanceof Button button ? button.getText() : null;
            if (text != null && !text.isEmpty()) {
                joined.append(text).append('\n');
            }
        }
        return joined.toString();
    }

    /** The push button with this label in a shell (for dialogs whose buttons have no id). Call on the display thread. */
    static Button button(Shell shell, String label) {
        List<Widget> all = new ArrayList<>();
        collect(shell, all);
        return all.stream().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> label.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + shell.getText()));
    }

    /** The texts of one column of a table, top to bottom. Call on the display thread. */
    static List<String> column(Table table, int column) {
        List<String> texts = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            texts.add(item.getText(column));
        }
        return texts;
    }

    /**
     * Presses the mouse on the first row whose first column is {@code text}: the button goes down, the
     * row is selected, the button comes up, as the events of a real click come. Call on the display thread.
     */
    static void clickRow(Table table, String text) {
        table.notifyListeners(SWT.MouseDown, new Event());
        selectRow(table, text);
        table.notifyListeners(SWT.MouseUp, new Event());
    }

    /** Selects the first row whose first column is {@code text}, as a click would. Call on the display thread. */
    static void selectRow(Table table, String text) {
        int index = column(table, 0).indexOf(text);
        assertTrue(index >= 0, "no row '" + text + "' in the table");
        table.setSelection(index);
        Event event = new Event();
        event.item = table.getItem(index);
        table.notifyListeners(SWT.Selection, event);
    }

    /**
     * Saves what a shell shows as a PNG under target/screenshots, for the documentation. Call on the
     * display thread.
     */
    static void screenshot(Shell shell, String name) {
        // paint what is pending first (a changed row repaints later, in the event loop), so the picture is current
        while (shell.getDisplay().readAndDispatch()) {
            // each pass handles one pending event; stops when none is left
        }
        shell.update();
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            loader.save(directory.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void collect(Control control, List<Widget> into) {
        into.add(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, into);
            }
        }
    }
}
