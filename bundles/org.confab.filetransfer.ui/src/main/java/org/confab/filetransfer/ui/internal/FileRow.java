package org.confab.filetransfer.ui.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.confab.client.ui.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;

/**
 * One file offer in the conversation: the name, the size and who offered it to whom, its state (live) and
 * the buttons that fit the state. The row keeps its height whatever the state (the buttons' line is
 * always there), so the transcript need not lay out again when the state changes.
 */
final class FileRow {
    static final String ROW = "file.row";
    static final String NAME = "file.name";
    static final String DETAILS = "file.details";
    static final String STATE = "file.state";

    private final FileOffer offer;
    private final FileStates states;
    private final FileTransfers transfers;
    private final Composite row;
    private final Label state;
    private final Composite buttons;
    private final Button accept;
    private final Button saveTo;
    private final Button decline;
    private final Button cancel;
    private final Button open;
    private final Button openFolder;
    private final Consumer<String> observer;

    FileRow(Composite parent, FileOffer offer, FileStates states, FileTransfers transfers) {
        this.offer = offer;
        this.states = states;
        this.transfers = transfers;
        parent.setBackgroundMode(SWT.INHERIT_DEFAULT);
        row = WidgetIds.name(new Composite(parent, SWT.NONE), ROW);
        GridLayoutFactory.fillDefaults().spacing(2, 2).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);

        Label name = WidgetIds.name(new Label(row, SWT.NONE), NAME);
        name.setText("\uD83D\uDCC4 " + offer.name());
        name.setFont(JFaceResources.getBannerFont());
        name.setToolTipText(offer.name());
        Label details = WidgetIds.name(new Label(row, SWT.NONE), DETAILS);
        details.setText(Sizes.bytes(offer.size()) + (offer.own() ? "" : " \u00B7 from " + offer.senderDisplayName()));
        state = WidgetIds.name(new Label(row, SWT.WRAP), STATE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(state);

        buttons = new Composite(row, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(6).spacing(6, 0).applyTo(buttons);
        accept = button("Accept", "file.accept", () -> receive(transfers.defaultFolder()));
        accept.setToolTipText("Save to " + transfers.defaultFolder() + " (Window > Preferences > Confab)");
        saveTo = button("Save to\u2026", "file.saveTo", this::chooseFolder);
        decline = button("Decline", "file.decline", () -> offer.id().ifPresent(transfers::decline));
        cancel = button("Cancel", "file.cancel", () -> offer.id().ifPresent(transfers::cancel));
        open = button("Open file", "file.open", () -> saved().ifPresent(file -> Program.launch(file.toString())));
        openFolder = button("Open folder", "file.openFolder",
                () -> saved().ifPresent(file -> Program.launch(file.getParent().toString())));
        // the line of buttons has a button's height even when none fits the state: rows keep their size
        GridDataFactory.fillDefaults().hint(SWT.DEFAULT, accept.computeSize(SWT.DEFAULT, SWT.DEFAULT).y).applyTo(buttons);

        observer = id -> {
            if (offer.id().filter(id::equals).isPresent() && !row.isDisposed()) {
                row.getDisplay().asyncExec(this::show);
            }
        };
        states.addObserver(observer);
        row.addDisposeListener(e -> states.removeObserver(observer));
        show();
    }

    private Button button(String text, String id, Runnable action) {
        Button button = WidgetIds.name(new Button(buttons, SWT.PUSH), id);
        button.setText(text);
        GridDataFactory.swtDefaults().applyTo(button);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void show() {
        if (row.isDisposed()) {
            return;
        }
        Transfer transfer = offer.id().map(states::get).orElse(Transfer.UNKNOWN);
        RowState shown = RowState.of(offer, transfer, states.loaded(), states.capabilityProblem());
        state.setText(shown.text());
        state.setToolTipText(shown.text());
        visible(accept, shown.canAccept());
        accept.setText(transfer.state().filter(s -> s == FileState.ACCEPTED).isPresent() || transfer.failure().isPresent()
                ? "Download" : "Accept");
        visible(saveTo, shown.canAccept());
        visible(decline, shown.canDecline());
        visible(cancel, transfer.running() && !offer.own());
        visible(open, shown.canOpen());
        visible(openFolder, shown.canOpen());
        buttons.layout(true);
        row.layout(true);
    }

    private static void visible(Button button, boolean shown) {
        button.setVisible(shown);
        ((org.eclipse.swt.layout.GridData) button.getLayoutData()).exclude = !shown;
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(row.getShell());
        dialog.setText("Save " + offer.name());
        dialog.setFilterPath(transfers.defaultFolder().toString());
        Optional.ofNullable(dialog.open()).map(Path::of).ifPresent(this::receive);
    }

    private void receive(Path folder) {
        offer.id().ifPresent(id -> transfers.receive(id, offer.name(), offer.senderDisplayName(), folder));
    }

    private Optional<Path> saved() {
        return offer.id().map(states::get).flatMap(Transfer::saved);
    }
}
