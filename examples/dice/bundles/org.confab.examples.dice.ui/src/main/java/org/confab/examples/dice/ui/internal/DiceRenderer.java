package org.confab.examples.dice.ui.internal;

import org.confab.client.ui.MessageRenderer;
import org.confab.client.ui.MessageView;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.component.annotations.Component;

/** Draws an {@code x.dice} message as a die face with the number rolled, and the roll in words below. */
@Component(property = MessageRenderer.KINDS_PROPERTY + "=" + DiceRenderer.KIND)
public final class DiceRenderer implements MessageRenderer {
    static final String KIND = "x.dice";
    static final String FACE_ID = "org.confab.examples.dice.face";

    @Override
    public void render(Composite parent, MessageView message) {
        int value = message.meta().path("value").asInt(0);
        int sides = message.meta().path("sides").asInt(0);
        Canvas face = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        face.setData(FACE_ID, value);
        face.setToolTipText("a " + sides + "-sided die");
        face.setLayoutData(new GridData(DieFace.SIZE, DieFace.SIZE));
        face.addPaintListener(event -> DieFace.paint(event.gc, value));
        Label words = new Label(parent, SWT.WRAP);
        words.setText((message.own() ? "You" : message.senderDisplayName()) + " rolled " + value + " on a " + sides
                + "-sided die");
    }
}
